package dev.mvirt.bench.load;

import java.time.Duration;

/** One row of the side-by-side table: a closed loop of {@code clients} clients, or a fixed {@code rate}. */
public record Workload(String name, Kind kind, int clients, double rate) {
    /** What the workload does. */
    public enum Kind {
        WRITE,
        LOCAL_READ,
        LINEARIZABLE_READ
    }

    /** Keys the load spreads over (created before the runs). */
    public static final int KEYS = 256;

    /** Runs this workload against {@code t}. */
    public RunResult run(Target t, Duration warmup, Duration measured) {
        Operation op = operation(t);
        String system = t.cluster().name();
        return rate > 0
                ? FixedRate.run(name, system, rate, warmup, measured, op, t.cluster()::cpuSeconds)
                : ClosedLoop.run(name, system, clients, warmup, measured, op, t.cluster()::cpuSeconds);
    }

    private Operation operation(Target t) {
        return switch (kind) {
            case WRITE ->
                (c, seq) -> t.spread(rate > 0 ? (int) seq : c)
                        .write("b" + (seq % KEYS), "v" + seq)
                        .ok();
            case LOCAL_READ ->
                (c, seq) -> t.spread(c).read("b" + (seq % KEYS), false).ok();
            case LINEARIZABLE_READ ->
                (c, seq) -> t.spread(c).read("b" + (seq % KEYS), true).ok();
        };
    }
}
