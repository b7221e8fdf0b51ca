package dev.mvirt.bench.load;

import dev.mvirt.bench.client.KvClient;
import dev.mvirt.bench.cluster.ClusterException;
import java.time.Duration;
import java.util.function.LongFunction;

/**
 * One row of the side-by-side table: a closed loop of {@code clients} clients, or a fixed {@code rate}, sent to
 * the peers in turn or all to the leader or all to one follower ({@code via}).
 */
public record Workload(String name, Kind kind, int clients, double rate, Via via) {
    /** A row spread over every peer. */
    public Workload(String name, Kind kind, int clients, double rate) {
        this(name, kind, clients, rate, Via.SPREAD);
    }

    /** Which peers the clients talk to. */
    public enum Via {
        /** Client {@code n} (or request {@code n} at a fixed rate) uses peer {@code n mod 3}. */
        SPREAD,
        /** Every client uses the leader as the run starts. */
        LEADER,
        /** Every client uses one follower as the run starts (a write is forwarded, a read asks the leader). */
        FOLLOWER
    }

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
        LongFunction<KvClient> peer = peers(t);
        return switch (kind) {
            case WRITE ->
                (c, seq) -> peer.apply(rate > 0 ? seq : c)
                        .write("b" + (seq % KEYS), "v" + seq)
                        .ok();
            case LOCAL_READ ->
                (c, seq) -> peer.apply(c).read("b" + (seq % KEYS), false).ok();
            case LINEARIZABLE_READ ->
                (c, seq) -> peer.apply(c).read("b" + (seq % KEYS), true).ok();
        };
    }

    /** The client for load client (or request) {@code n}. */
    private LongFunction<KvClient> peers(Target t) {
        if (via == Via.SPREAD) {
            return n -> t.spread((int) n);
        }
        String leader = t.cluster()
                .leader()
                .orElseThrow(() -> new ClusterException(t.cluster().name() + ": no leader for " + name));
        String id = via == Via.LEADER
                ? leader
                : t.cluster().ids().stream()
                        .filter(p -> !p.equals(leader))
                        .findFirst()
                        .orElseThrow();
        KvClient client = t.client(id);
        return n -> client;
    }
}
