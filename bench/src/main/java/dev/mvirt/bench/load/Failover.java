package dev.mvirt.bench.load;

import dev.mvirt.bench.client.KvClient;
import dev.mvirt.bench.cluster.Cluster;
import dev.mvirt.bench.cluster.ClusterException;
import dev.mvirt.bench.cluster.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Write unavailability when the leader is faulted: a fixed-rate write load goes to the followers for {@code lead}
 * before the leader is faulted (held for {@code hold}, then recovered); the window is the longest stretch after the
 * fault with no successful write completing. The lead time is what lets a peer restarted by the previous trial
 * catch up and warm up first (a JVM restarted seconds before, still catching up and compiling, made the next
 * election slow: a second fault, not the one measured).
 */
public final class Failover {
    private final Cluster cluster;
    private final Function<String, KvClient> clients;
    private final double rate;
    private final Duration hold;
    private final Duration lead;

    /** Trials on {@code cluster}; {@code clients} gives the register client of a peer id. */
    public Failover(Cluster cluster, Function<String, KvClient> clients, double rate, Duration hold, Duration lead) {
        this.cluster = cluster;
        this.clients = clients;
        this.rate = rate;
        this.hold = hold;
        this.lead = lead;
    }

    /** Windows in milliseconds of {@code trials} trials of {@code fault}. */
    public List<Double> trials(Fault fault, int trials) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            out.add(trial(fault, i));
        }
        return out;
    }

    private double trial(Fault fault, int n) {
        String leader = settledLeader();
        List<KvClient> targets = cluster.ids().stream()
                .filter(id -> !id.equals(leader))
                .map(clients)
                .toList();
        Operation write = (client, seq) -> targets.get((int) (seq % targets.size()))
                .write("fo" + (seq % 64), "t" + n + "-" + seq)
                .ok();
        long faultAt;
        long[] done;
        long end;
        try (FixedRate load = new FixedRate(rate, 4096, write)) {
            ClosedLoop.sleepUntil(System.nanoTime() + lead.toNanos());
            faultAt = System.nanoTime();
            fault.inject(cluster, leader);
            ClosedLoop.sleepUntil(faultAt + hold.toNanos());
            fault.recover(cluster, leader);
            ClosedLoop.sleepUntil(System.nanoTime() + Duration.ofSeconds(2).toNanos());
            done = load.successTimes();
            // the observation ends here, not after close (which waits for requests still pending)
            end = System.nanoTime();
        }
        cluster.awaitReady(leader, Duration.ofSeconds(60));
        if (Boolean.getBoolean("bench.verbose")) {
            System.out.println(
                    describe(cluster.name() + " " + fault + " trial " + n + " (" + leader + ")", done, faultAt, end));
        }
        return window(done, faultAt, end) / 1e6;
    }

    /**
     * The longest gap between successive successful completions, counting from the fault and up to {@code end}
     * (so no success at all after the fault gives the whole observed time).
     */
    static long window(long[] done, long faultAt, long end) {
        return Gap.of(done, faultAt, end).length();
    }

    /** Where the window lies: the first success after the fault, and the longest gap's start and length. */
    static String describe(String trial, long[] done, long faultAt, long end) {
        Gap g = Gap.of(done, faultAt, end);
        return String.format(
                java.util.Locale.ROOT,
                "  %s: first success %+.0f ms after the fault; longest gap %.0f ms from %+.0f ms",
                trial,
                g.firstSuccess() < 0 ? Double.NaN : (g.firstSuccess() - faultAt) / 1e6,
                g.length() / 1e6,
                (g.from() - faultAt) / 1e6);
    }

    /** The longest gap after a fault ({@code from}, {@code length}) and the first success after it (-1: none). */
    record Gap(long from, long length, long firstSuccess) {
        static Gap of(long[] done, long faultAt, long end) {
            long prev = faultAt;
            Gap worst = new Gap(faultAt, 0, -1);
            long first = -1;
            for (long t : done) {
                if (t <= faultAt) {
                    continue;
                }
                first = first < 0 ? t : first;
                worst = t - prev > worst.length() ? new Gap(prev, t - prev, -1) : worst;
                prev = t;
            }
            worst = end - prev > worst.length() ? new Gap(prev, end - prev, -1) : worst;
            return new Gap(worst.from(), worst.length(), first);
        }
    }

    private String settledLeader() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> l = cluster.leader();
            if (l.isPresent() && cluster.ids().stream().allMatch(id -> ready(id))) {
                return l.get();
            }
            ClosedLoop.sleepUntil(System.nanoTime() + Duration.ofMillis(200).toNanos());
        }
        throw new ClusterException(cluster.name() + ": no settled leader for the next trial");
    }

    private boolean ready(String id) {
        try {
            cluster.awaitReady(id, Duration.ofMillis(1));
            return true;
        } catch (ClusterException e) {
            return false;
        }
    }
}
