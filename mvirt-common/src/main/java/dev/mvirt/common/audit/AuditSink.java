package dev.mvirt.common.audit;

/**
 * Where audit entries go. Implementations never block the caller and never throw for a well-formed entry: an entry
 * that cannot be delivered is counted as dropped, not reported to the caller. Safe to call from any thread.
 */
public interface AuditSink {

    /** Hands {@code entry} over for delivery and returns at once. */
    void record(AuditEntry entry);

    /** A sink that discards everything (for daemons started with {@code --log none}). */
    static AuditSink noop() {
        return entry -> {};
    }
}
