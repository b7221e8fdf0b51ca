package dev.mvirt.api.raft;

/**
 * Whether a peer's state is caught up, for {@code /health/ready}. A peer under write load almost always has an entry
 * committed and not yet applied, so "applied equals committed" flapped: a probe during a write answered 503 (seen
 * as a flaky {@code ApiServerIT}: the probe right after the admin token's write). Caught up here means: applied
 * reaches the commit index, or trails it by at most {@link #MAX_LAG} entries while it still moves (it moved since
 * the previous check, or within {@link #STALL_NANOS} of this one). An apply that stopped, or a peer far behind, is
 * not ready. Thread-safe.
 */
final class Readiness {
    /** Entries a working peer may trail the commit index by (about half a second of entries at full load). */
    static final long MAX_LAG = 1_000;

    /** How long an applied index may stand still behind the commit index before the peer is not ready. */
    static final long STALL_NANOS = 5_000_000_000L;

    private long seenApplied = -1;
    private long seenMovedAt;

    /** Whether a peer that applied {@code applied} of {@code commit} at {@code nowNanos} is caught up. */
    synchronized boolean caughtUp(long commit, long applied, long nowNanos) {
        if (applied != seenApplied) {
            seenApplied = applied;
            seenMovedAt = nowNanos;
        }
        if (applied >= commit) {
            return true;
        }
        return commit - applied <= MAX_LAG && nowNanos - seenMovedAt <= STALL_NANOS;
    }
}
