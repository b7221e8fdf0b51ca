package dev.mvirt.log.service;

import dev.mvirt.log.store.LogStore;
import java.time.Clock;
import java.time.Instant;

/** One bounded step of retention at a time, called from the writer thread between batches. */
final class Retention {
    private final LogStore store;
    private final RetentionPolicy policy;
    private final Clock clock;

    Retention(LogStore store, RetentionPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Deletes at most one chunk for age and one for size.
     *
     * @return entries deleted; a full chunk means more may be due
     */
    int step() {
        int deleted = 0;
        if (!policy.maxAge().isZero()) {
            Instant cutoff = clock.instant().minus(policy.maxAge());
            long cutoffNs = cutoff.getEpochSecond() * 1_000_000_000L + cutoff.getNano();
            deleted += store.deleteOlderThan(cutoffNs, policy.chunk());
        }
        if (policy.maxBytes() > 0 && store.usedBytes() > policy.maxBytes()) {
            deleted += store.deleteOldest(policy.chunk());
        }
        return deleted;
    }

    boolean moreLikely(int deleted) {
        return deleted >= policy.chunk();
    }
}
