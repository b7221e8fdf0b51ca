package dev.mvirt.bench.load;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * An open-loop load: request i is due at {@code start + i / rate} and runs on its own virtual thread; latency is
 * measured from when it was due (so a stall is charged to every request it delays, no coordinated omission). At most
 * {@code maxInFlight} requests are outstanding; a request that would exceed that counts as an error. Successful
 * completion times are kept for failover analysis.
 */
public final class FixedRate implements AutoCloseable {
    private final double rate;
    private final Operation op;
    private final Latencies lat = new Latencies();
    private final Semaphore inFlight;
    private final ConcurrentLinkedQueue<Long> successes = new ConcurrentLinkedQueue<>();
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong seq = new AtomicLong();
    private final Thread dispatcher;
    private volatile boolean stopped;

    /** Starts dispatching {@code rate} requests per second of {@code op}. */
    public FixedRate(double rate, int maxInFlight, Operation op) {
        this.rate = rate;
        this.op = op;
        this.inFlight = new Semaphore(maxInFlight);
        this.dispatcher = Thread.ofPlatform().name("fixed-rate").start(this::dispatch);
    }

    /** Runs a fixed-rate load for a warm-up and a measured period and returns the measured result. */
    public static RunResult run(
            String workload,
            String system,
            double rate,
            Duration warmup,
            Duration measured,
            Operation op,
            DoubleSupplier cpu) {
        try (FixedRate load = new FixedRate(rate, 4096, op)) {
            ClosedLoop.sleepUntil(System.nanoTime() + warmup.toNanos());
            load.lat.take();
            double cpu0 = cpu.getAsDouble();
            long t0 = System.nanoTime();
            ClosedLoop.sleepUntil(t0 + measured.toNanos());
            Latencies.Snapshot s = load.lat.take();
            return s.result(workload, system, (System.nanoTime() - t0) / 1e9, cpu.getAsDouble() - cpu0);
        }
    }

    /** Everything measured since the start or the last call, as the result of {@code seconds} with {@code cpu}. */
    public RunResult result(String workload, String system, double seconds, double cpu) {
        return lat.take().result(workload, system, seconds, cpu);
    }

    /** Completion times (System.nanoTime) of the successful requests so far. */
    public long[] successTimes() {
        return successes.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private void dispatch() {
        long start = System.nanoTime();
        double interval = 1e9 / rate;
        for (long i = 0; !stopped; i++) {
            long due = start + (long) (i * interval);
            ClosedLoop.sleepUntil(due);
            if (!inFlight.tryAcquire()) {
                lat.error();
                continue;
            }
            pool.execute(() -> one(due));
        }
    }

    private void one(long due) {
        try {
            boolean ok = op.run(0, seq.getAndIncrement());
            long now = System.nanoTime();
            if (ok) {
                lat.ok((now - due) / 1000);
                successes.add(now);
            } else {
                lat.error();
            }
        } finally {
            inFlight.release();
        }
    }

    @Override
    public void close() {
        stopped = true;
        ClosedLoop.join(dispatcher);
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
