package dev.mvirt.api.raft;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Meters of the apply path: apply latency per entry, commands per entry (how well writes were grouped: {@link
 * WriteBatcher}), and snapshot duration.
 */
final class ApplyMetrics {
    private final Timer apply;
    private final DistributionSummary commands;
    private final Timer snapshot;
    private final io.micrometer.core.instrument.Counter leaderChanges;

    ApplyMetrics(MeterRegistry registry) {
        this.apply = Timer.builder("mvirt_raft_apply")
                .description("time to decode and apply one log entry")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.commands = DistributionSummary.builder("mvirt_raft_entry_commands")
                .description("commands in one applied log entry (a batch of writes, or one write)")
                .register(registry);
        this.snapshot = Timer.builder("mvirt_raft_snapshot")
                .description("time to write a state snapshot")
                .register(registry);
        this.leaderChanges = io.micrometer.core.instrument.Counter.builder("mvirt_raft_leader_changes")
                .description("leader changes seen by this peer")
                .register(registry);
    }

    void leaderChanged() {
        leaderChanges.increment();
    }

    void applied(long nanos, int commandCount) {
        apply.record(nanos, TimeUnit.NANOSECONDS);
        commands.record(commandCount);
    }

    void snapshot(long nanos) {
        snapshot.record(nanos, TimeUnit.NANOSECONDS);
    }
}
