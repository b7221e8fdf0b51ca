package dev.mvirt.api.raft;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Meters of the apply path: apply latency per entry and snapshot duration. */
final class ApplyMetrics {
    private final Timer apply;
    private final Timer snapshot;
    private final io.micrometer.core.instrument.Counter leaderChanges;

    ApplyMetrics(MeterRegistry registry) {
        this.apply = Timer.builder("mvirt_raft_apply")
                .description("time to decode and apply one log entry")
                .publishPercentiles(0.5, 0.99)
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

    void applied(long nanos) {
        apply.record(nanos, TimeUnit.NANOSECONDS);
    }

    void snapshot(long nanos) {
        snapshot.record(nanos, TimeUnit.NANOSECONDS);
    }
}
