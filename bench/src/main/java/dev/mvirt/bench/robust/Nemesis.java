package dev.mvirt.bench.robust;

import dev.mvirt.bench.cluster.Cluster;
import dev.mvirt.bench.cluster.ClusterException;
import dev.mvirt.bench.cluster.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Injects faults in turn until {@code end}: every {@code every}, the next fault of the list hits the leader (odd
 * turns) or a random peer (even turns), is held, then undone. Runs on its own thread; {@link #log} tells what
 * happened.
 */
final class Nemesis implements Runnable {
    private final Cluster cluster;
    private final RobustOptions options;
    private final long end;
    private final Random rnd;
    private final List<String> log = new ArrayList<>();
    private final long start = System.nanoTime();

    Nemesis(Cluster cluster, RobustOptions options, long end) {
        this.cluster = cluster;
        this.options = options;
        this.end = end;
        this.rnd = new Random(options.seed() * 31 + 7);
    }

    @Override
    public void run() {
        int turn = 0;
        while (!options.faults().isEmpty()
                && System.nanoTime() + options.faultEvery().toNanos() < end) {
            sleep(options.faultEvery().minus(options.hold()));
            Fault fault = options.faults().get(turn % options.faults().size());
            String target = turn % 2 == 1 ? cluster.leader().orElse(pick()) : pick();
            try {
                fault.inject(cluster, target);
                note(fault + " " + target);
                sleep(options.hold());
                fault.recover(cluster, target);
                note("recovered " + target);
            } catch (ClusterException e) {
                note("fault " + fault + " on " + target + " failed: " + e.getMessage());
            }
            turn++;
        }
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    private synchronized void note(String what) {
        log.add(String.format("%.1fs %s", (System.nanoTime() - start) / 1e9, what));
    }

    private String pick() {
        List<String> ids = cluster.ids();
        return ids.get(rnd.nextInt(ids.size()));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
