package dev.mvirt.api.model;

import java.util.Optional;

/** A lease: held by {@code owner} for {@code ttlMillis} after it was last acquired or renewed. */
public record LockSpec(String owner, long ttlMillis) implements Spec {
    /** Longest lease: one day. */
    public static final long MAX_TTL_MILLIS = 86_400_000L;

    @Override
    public Kind kind() {
        return Kind.LOCK;
    }

    @Override
    public Optional<FieldError> validate() {
        return Check.first(
                () -> Check.name("spec.owner", owner),
                () -> Check.range("spec.ttlMillis", ttlMillis, 100, MAX_TTL_MILLIS));
    }
}
