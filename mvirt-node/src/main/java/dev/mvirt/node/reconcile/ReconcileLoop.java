package dev.mvirt.node.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads for one {@link Reconciler}: take a key from the queue, reconcile it, forget or retry it. Keys come
 * from the cache (changes) and the daemon (watch events) through {@link #enqueue}, and from {@link #resync}.
 */
public final class ReconcileLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReconcileLoop.class);

    private final Reconciler reconciler;
    private final WorkQueue queue;
    private final List<Thread> workers = new ArrayList<>();

    /** A loop for {@code reconciler} with backoff from 200 ms to 30 s. */
    public ReconcileLoop(Reconciler reconciler, Clock clock) {
        this.reconciler = reconciler;
        this.queue = new WorkQueue(clock, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    /** Starts {@code threads} workers (virtual threads). */
    public ReconcileLoop start(int threads) {
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofVirtual()
                    .name("reconcile-" + reconciler.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + i)
                    .start(this::work));
        }
        return this;
    }

    /** Queues {@code id}. */
    public void enqueue(String id) {
        queue.add(id);
    }

    /** Queues every desired id and every id the daemon holds. */
    public void resync(Collection<String> desired) {
        desired.forEach(queue::add);
        try {
            reconciler.observed().forEach(queue::add);
        } catch (RuntimeException e) {
            log.warn("resync: cannot list {} from the daemon: {}", reconciler.kind(), e.toString());
        }
    }

    /** Processes one due key on the calling thread, if any (tests). */
    public boolean runOnce() {
        Optional<String> key = queue.poll();
        key.ifPresent(this::process);
        return key.isPresent();
    }

    /** The queue (tests look at backoff). */
    public WorkQueue queue() {
        return queue;
    }

    private void work() {
        try {
            Optional<String> key;
            while ((key = queue.take()).isPresent()) {
                process(key.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(String id) {
        try {
            reconciler.reconcile(id);
            queue.forget(id);
        } catch (RuntimeException e) {
            log.warn(
                    "reconcile failed kind={} id={} attempt={}: {}",
                    reconciler.kind(),
                    id,
                    queue.failures(id) + 1,
                    e.getMessage());
            queue.retry(id);
        } finally {
            queue.done(id);
        }
    }

    @Override
    public void close() {
        queue.close();
        for (Thread t : workers) {
            t.interrupt();
        }
    }
}
