package dev.mvirt.bench.history;

/** What a register operation does. */
public enum OpKind {
    /** Unconditional write of a unique value. */
    WRITE,
    /** Compare-and-set: write {@code value} only if the register holds {@code expected} (If-Match on its revision). */
    CAS,
    /** Linearizable read ({@code ?consistent=true}); checked for linearizability. */
    READ,
    /** Local read from the peer's memory; checked only for per-session monotonicity. */
    LOCAL_READ
}
