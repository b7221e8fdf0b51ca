package dev.mvirt.log.service;

import dev.mvirt.log.model.Entry;
import dev.mvirt.log.store.LogStore;
import dev.mvirt.log.store.LogStore.AppendResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: callers {@link #submit} requests from any thread; one thread groups queued requests into one
 * transaction (group commit) and completes each request's future only after that transaction is durable. Between
 * batches, and whenever it is idle, it runs retention one small chunk at a time, so writers never wait long.
 */
public final class LogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);

    /**
     * Tuning.
     *
     * @param queueRequests requests that may wait for the writer before {@link #submit} refuses more
     * @param maxBatchEntries entries per transaction (a larger single request is still written whole)
     */
    public record Options(int queueRequests, int maxBatchEntries, RetentionPolicy retention) {
        public static Options defaults(RetentionPolicy retention) {
            return new Options(4096, 20_000, retention);
        }
    }

    /** Counters for metrics. */
    public record Stats(long stored, long duplicates, long transactions, long failedTransactions, long deleted) {}

    private record Request(List<Entry> entries, CompletableFuture<AppendResult> done) {}

    private final LogStore store;
    private final Options options;
    private final Retention retention;
    private final ArrayBlockingQueue<Request> queue;
    private final CommitSignal commits;
    private final Thread thread;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private volatile boolean running = true;

    /** Starts the writer thread over {@code store}, which it then owns for writing. */
    public LogWriter(LogStore store, Options options, Clock clock) {
        this.store = store;
        this.options = options;
        this.retention = new Retention(store, options.retention(), clock);
        this.queue = new ArrayBlockingQueue<>(options.queueRequests());
        this.commits = new CommitSignal(store.lastSeq());
        this.thread = Thread.ofPlatform().name("log-writer").start(this::run);
    }

    /**
     * Queues {@code entries} for the next transaction. The future completes once they are durable, or fails with
     * the {@link dev.mvirt.log.store.StorageException} of the transaction.
     *
     * @throws OverloadedException when the queue is full or the writer is closed
     */
    public CompletableFuture<AppendResult> submit(List<Entry> entries) {
        Request r = new Request(List.copyOf(entries), new CompletableFuture<>());
        if (!running || !queue.offer(r)) {
            throw new OverloadedException(running ? "log writer queue is full" : "log writer is closed");
        }
        return r.done();
    }

    /** Where followers wait for new commits. */
    public CommitSignal commits() {
        return commits;
    }

    public Stats stats() {
        return new Stats(stored.get(), duplicates.get(), transactions.get(), failed.get(), deleted.get());
    }

    private void run() {
        long nextRetention = 0;
        List<Request> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            Request first = poll();
            if (first != null) {
                batch.add(first);
                fill(batch, first.entries().size());
                write(batch);
                batch.clear();
            }
            if (first == null || System.nanoTime() - nextRetention >= 0) {
                boolean more = retentionStep();
                long pause = more && first == null
                        ? 0
                        : options.retention().interval().toNanos();
                nextRetention = System.nanoTime() + pause;
            }
        }
    }

    private @Nullable Request poll() {
        try {
            return queue.poll(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // close() interrupts only to cut the wait short; the loop condition decides
            return null;
        }
    }

    private void fill(List<Request> batch, int entries) {
        Request next;
        while ((next = queue.peek()) != null && entries + next.entries().size() <= options.maxBatchEntries()) {
            batch.add(queue.remove());
            entries += next.entries().size();
        }
    }

    private void write(List<Request> batch) {
        List<AppendResult> results;
        try {
            results = store.append(batch.stream().map(Request::entries).toList());
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.error("log: transaction of {} requests failed", batch.size(), e);
            batch.forEach(r -> r.done().completeExceptionally(e));
            return;
        }
        transactions.incrementAndGet();
        commits.advance(store.lastSeq());
        for (int i = 0; i < batch.size(); i++) {
            stored.addAndGet(results.get(i).stored());
            duplicates.addAndGet(results.get(i).duplicates());
            batch.get(i).done().complete(results.get(i));
        }
    }

    private boolean retentionStep() {
        try {
            int n = retention.step();
            deleted.addAndGet(n);
            return retention.moreLikely(n);
        } catch (RuntimeException e) {
            log.warn("log: retention step failed; will retry", e);
            return false;
        }
    }

    /** Writes what is queued, then stops the writer thread; the store stays open (its owner closes it). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            if (!thread.join(Duration.ofSeconds(30))) {
                log.warn("log: writer did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commits.close();
    }
}
