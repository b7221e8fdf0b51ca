package dev.mvirt.common.audit;

import dev.mvirt.common.audit.AuditTransport.AuditTransportException;
import dev.mvirt.common.grpc.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit client: an {@link AuditSink} that queues entries and delivers them in batches to mvirt-log from one
 * background thread.
 *
 * <p>{@link #record} never blocks and never throws: it offers the entry to a bounded queue and returns. When the
 * queue is full (the service is down or slow for long) or the logger is closed, the entry is dropped and counted
 * ({@link #droppedCount()}), with a rate-limited SLF4J warning. Failed batches are retried with exponential backoff
 * and jitter for as long as the service is down; their entry ids make resends idempotent. {@link #close()} flushes
 * what is queued, waiting at most {@link Options#closeTimeout()}.
 */
public final class AuditLogger implements AuditSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditLogger.class);

    /**
     * Tuning.
     *
     * @param capacity entries the queue holds (one batch in flight comes on top)
     * @param maxBatch entries per {@code Log} call
     * @param closeTimeout how long {@link #close()} keeps delivering before it drops what is left
     * @param warnInterval at most one drop warning per interval
     */
    public record Options(
            int capacity,
            int maxBatch,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration callDeadline,
            Duration closeTimeout,
            Duration warnInterval) {
        public Options {
            if (capacity < 1 || maxBatch < 1) {
                throw new IllegalArgumentException("capacity and maxBatch must be positive");
            }
        }

        /** 10,000 entries, batches of 500, backoff 100 ms to 5 s, 5 s call deadline and close, a warning per 10 s. */
        public static Options defaults() {
            return new Options(
                    10_000,
                    500,
                    Duration.ofMillis(100),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10));
        }
    }

    /** Counters for metrics: entries accepted, acknowledged by the service, dropped; failed sends; queue length. */
    public record Stats(long recorded, long delivered, long dropped, long failedSends, int queued) {}

    private final ArrayBlockingQueue<AuditEntry> queue;
    private final AuditTransport transport;
    private final Options options;
    private final Thread sender;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong droppedAfterRecord = new AtomicLong();
    private final DropWarning dropWarning;
    private final Object progress = new Object();
    private volatile boolean closing;
    private volatile long closeDeadline = Long.MAX_VALUE;

    /** Starts the sender thread; {@code transport} is closed by {@link #close()}. */
    public AuditLogger(AuditTransport transport, Options options) {
        this.transport = transport;
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(options.capacity());
        this.dropWarning = new DropWarning(options.warnInterval().toNanos(), dropped);
        this.sender = Thread.ofPlatform().name("audit-sender").daemon().start(this::run);
    }

    /** A logger with default options delivering to the mvirt-log service at {@code endpoint}. */
    public static AuditLogger connect(Endpoint endpoint) {
        return connect(endpoint, Options.defaults());
    }

    /** A logger delivering to the mvirt-log service at {@code endpoint}; it need not be up yet. */
    public static AuditLogger connect(Endpoint endpoint, Options options) {
        return new AuditLogger(GrpcAuditTransport.connect(endpoint, options.callDeadline()), options);
    }

    @Override
    public void record(AuditEntry entry) {
        if (!closing && queue.offer(entry)) {
            recorded.incrementAndGet();
            return;
        }
        dropped.incrementAndGet();
        dropWarning.maybeWarn(closing ? "logger closed" : "queue full");
    }

    /** Entries dropped so far (queue full, logger closed, rejected by the service, undelivered at close). */
    public long droppedCount() {
        return dropped.get();
    }

    public Stats stats() {
        return new Stats(recorded.get(), delivered.get(), dropped.get(), failedSends.get(), queue.size());
    }

    /**
     * Waits until every entry recorded before this call was acknowledged or dropped.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean flush(Duration timeout) {
        long target = recorded.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (completed() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Stops accepting entries, delivers what is queued within the close timeout, drops (and counts) the rest. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closeDeadline = System.nanoTime() + options.closeTimeout().toNanos();
        closing = true;
        LockSupport.unpark(sender);
        try {
            sender.join(options.closeTimeout().plus(options.callDeadline()).plusSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = queue.size();
        if (left > 0) {
            queue.clear();
            dropped.addAndGet(left);
            droppedAfterRecord.addAndGet(left);
            dropWarning.maybeWarn("undelivered at close");
        }
        dropWarning.flush("undelivered at close");
        transport.close();
    }

    private long completed() {
        // drops at record() never entered `recorded`, so only later drops count here
        return delivered.get() + droppedAfterRecord.get();
    }

    private void run() {
        List<AuditEntry> batch = new ArrayList<>(options.maxBatch());
        while (!(closing && queue.isEmpty()) && !pastCloseDeadline()) {
            try {
                AuditEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, options.maxBatch() - 1);
                deliver(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deliver(List<AuditEntry> batch) {
        long backoff = options.initialBackoff().toNanos();
        while (true) {
            try {
                transport.send(batch);
                completeBatch(batch.size(), true);
                return;
            } catch (AuditTransportException e) {
                failedSends.incrementAndGet();
                if (!e.retryable() || pastCloseDeadline()) {
                    log.warn("audit: dropping a batch of {} entries: {}", batch.size(), e.getMessage());
                    completeBatch(batch.size(), false);
                    return;
                }
                dropWarning.serviceDown(String.valueOf(e.getMessage()));
                pause(backoff);
                backoff = Math.min(backoff * 2, options.maxBackoff().toNanos());
            } catch (RuntimeException e) {
                // a transport bug must not kill the sender thread
                log.error("audit: transport failed; dropping a batch of {} entries", batch.size(), e);
                completeBatch(batch.size(), false);
                return;
            }
        }
    }

    private void pause(long backoffNanos) {
        long jittered = backoffNanos / 2 + ThreadLocalRandom.current().nextLong(backoffNanos / 2 + 1);
        long until = System.nanoTime() + jittered;
        long left;
        // closeDeadline is re-read: close() shortens the wait and unparks
        while ((left = Math.min(until, closeDeadline) - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    private void completeBatch(int size, boolean ok) {
        if (ok) {
            delivered.addAndGet(size);
        } else {
            dropped.addAndGet(size);
            droppedAfterRecord.addAndGet(size);
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private boolean pastCloseDeadline() {
        return closing && System.nanoTime() - closeDeadline > 0;
    }
}
