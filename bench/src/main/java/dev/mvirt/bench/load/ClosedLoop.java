package dev.mvirt.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * {@code clients} threads, each issuing its next request as soon as the previous one answered, for a warm-up
 * (discarded) and then a measured period.
 */
public final class ClosedLoop {
    private ClosedLoop() {}

    /** Runs {@code op} and returns the measured period's result; {@code cpu} reads the servers' CPU seconds. */
    public static RunResult run(
            String workload,
            String system,
            int clients,
            Duration warmup,
            Duration measured,
            Operation op,
            DoubleSupplier cpu) {
        Latencies lat = new Latencies();
        AtomicLong seq = new AtomicLong();
        long warmEnd = System.nanoTime() + warmup.toNanos();
        long end = warmEnd + measured.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> loop(client, end, op, seq, lat)));
        }
        sleepUntil(warmEnd);
        lat.take();
        double cpu0 = cpu.getAsDouble();
        long t0 = System.nanoTime();
        sleepUntil(end);
        Latencies.Snapshot s = lat.take();
        double cpuUsed = cpu.getAsDouble() - cpu0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        threads.forEach(ClosedLoop::join);
        return s.result(workload, system, seconds, cpuUsed);
    }

    private static void loop(int client, long end, Operation op, AtomicLong seq, Latencies lat) {
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            boolean ok = op.run(client, seq.getAndIncrement());
            if (System.nanoTime() >= end) {
                return;
            }
            if (ok) {
                lat.ok((System.nanoTime() - start) / 1000);
            } else {
                lat.error();
            }
        }
    }

    static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
