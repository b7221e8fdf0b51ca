package dev.mvirt.bench.robust;

import dev.mvirt.bench.cluster.Fault;
import java.time.Duration;
import java.util.List;

/**
 * How a robustness run goes: {@code clients} register clients (each pinned to one peer) over {@code keys} keys for
 * {@code duration}; a fault from {@code faults} (in turn) every {@code faultEvery}, held for {@code hold}; requests
 * give up after {@code requestTimeout} (an unknown outcome).
 */
public record RobustOptions(
        int clients,
        int keys,
        Duration duration,
        Duration faultEvery,
        Duration hold,
        List<Fault> faults,
        Duration requestTimeout,
        long seed) {

    public RobustOptions {
        faults = List.copyOf(faults);
    }

    /** The CI-sized run: 6 clients, 16 keys, {@code seconds} of load, a fault every 6 s held for 3 s. */
    public static RobustOptions ci(int seconds, List<Fault> faults, long seed) {
        return new RobustOptions(
                6,
                16,
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(6),
                Duration.ofSeconds(3),
                faults,
                Duration.ofSeconds(4),
                seed);
    }
}
