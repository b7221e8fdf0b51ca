package dev.mvirt.bench.load;

import dev.mvirt.bench.cluster.Cluster;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A long run without faults: a fixed-rate write load over every peer while the peers' Raft terms and the leader are
 * sampled each second. Any term growth is an election nobody caused (a spurious one: a late heartbeat, a stalled
 * JVM); so is any change of leader.
 */
public final class Stability {
    private Stability() {}

    /** What a run saw: term at start and end (highest any peer reported), leader changes, the write figures. */
    public record Report(
            String system, long firstTerm, long lastTerm, int leaderChanges, int unanswered, RunResult writes) {
        /** Elections during the run. */
        public long elections() {
            return lastTerm - firstTerm;
        }

        /** One printable line. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%-6s elections %d (term %d -> %d), leader changes %d, unanswered term probes %d;"
                            + " %d writes ok, %d errors, p50 %.2f ms p99 %.2f ms p99.9 %.2f ms",
                    system,
                    elections(),
                    firstTerm,
                    lastTerm,
                    leaderChanges,
                    unanswered,
                    writes.ops(),
                    writes.errors(),
                    writes.p50(),
                    writes.p99(),
                    writes.p999());
        }
    }

    /** Runs {@code op} at {@code rate} for {@code length} on {@code cluster}. */
    public static Report run(Cluster cluster, double rate, Duration length, Operation op) {
        long first = highestTerm(cluster);
        Optional<String> leader = cluster.leader();
        int changes = 0;
        int unanswered = 0;
        RunResult writes;
        try (FixedRate load = new FixedRate(rate, 4096, op)) {
            long end = System.nanoTime() + length.toNanos();
            long t0 = System.nanoTime();
            double cpu0 = cluster.cpuSeconds();
            while (System.nanoTime() < end) {
                ClosedLoop.sleepUntil(System.nanoTime() + Duration.ofSeconds(1).toNanos());
                Optional<String> now = cluster.leader();
                if (now.isEmpty()) {
                    unanswered++;
                } else if (leader.isPresent() && !now.equals(leader)) {
                    changes++;
                }
                leader = now.isPresent() ? now : leader;
            }
            writes = load.result(
                    "stability", cluster.name(), (System.nanoTime() - t0) / 1e9, cluster.cpuSeconds() - cpu0);
        }
        long last = highestTerm(cluster);
        return new Report(cluster.name(), first, last, changes, unanswered, writes);
    }

    /** The highest term any peer reports, -1 when none answers. */
    private static long highestTerm(Cluster cluster) {
        long max = -1;
        for (String id : cluster.ids()) {
            OptionalLong t = cluster.term(id);
            if (t.isPresent()) {
                max = Math.max(max, t.getAsLong());
            }
        }
        return max;
    }
}
