package dev.mvirt.api.raft;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Where this peer's writes spend their time ({@link WriteBatcher.Stages}), one sample per write: {@code
 * mvirt_raft_write_stage_seconds{stage="queued"}} waiting for this peer's entry in flight to commit, {@code
 * stage="committed"} from proposing the entry to its commit (through the leader when this peer follows), {@code
 * stage="applied"} from the commit to the outcome on this peer. Their p50 and p99 show which stage a slow write
 * waited in.
 */
final class WriteStageMetrics implements WriteBatcher.Stages {
    private final Timer queued;
    private final Timer committed;
    private final Timer applied;

    WriteStageMetrics(MeterRegistry registry) {
        this.queued = timer(registry, "queued");
        this.committed = timer(registry, "committed");
        this.applied = timer(registry, "applied");
    }

    private static Timer timer(MeterRegistry registry, String stage) {
        return Timer.builder("mvirt_raft_write_stage")
                .description("time a write proposed by this peer spent in one stage (queued, committed, applied)")
                .tag("stage", stage)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    @Override
    public void entry(long[] queuedNanos, long committedNanos, long appliedNanos) {
        for (long q : queuedNanos) {
            queued.record(q, TimeUnit.NANOSECONDS);
            committed.record(committedNanos, TimeUnit.NANOSECONDS);
            applied.record(appliedNanos, TimeUnit.NANOSECONDS);
        }
    }
}
