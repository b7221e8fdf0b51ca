package dev.mvirt.api.model;

/** When a lock was acquired and when it expires (epoch millis, from commands). */
public record LockStatus(long acquiredAt, long expiresAt) implements Status {
    @Override
    public Kind kind() {
        return Kind.LOCK;
    }
}
