package dev.mvirt.node.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keys waiting to be reconciled. A key is queued at most once; a key added while a worker holds it is handed out
 * again after {@link #done}, so no change is lost and no key is worked on twice at once. {@link #retry} delays a
 * key by base × 2^(failures−1), capped; {@link #forget} resets its failures. Times come from the injected clock,
 * so tests drive {@link #poll} without sleeping; {@link #take} blocks for workers. Thread-safe.
 */
public final class WorkQueue {
    private final Clock clock;
    private final long baseMillis;
    private final long maxMillis;
    private final LinkedHashSet<String> ready = new LinkedHashSet<>();
    private final Map<String, Long> delayed = new HashMap<>();
    private final Set<String> processing = new HashSet<>();
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private boolean closed;

    /** A queue timed by {@code clock} with backoff from {@code base} up to {@code max}. */
    public WorkQueue(Clock clock, Duration base, Duration max) {
        this.clock = clock;
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** Queues {@code key} now (a delayed key becomes ready at once). */
    public synchronized void add(String key) {
        if (processing.contains(key)) {
            dirty.add(key);
        } else {
            delayed.remove(key);
            ready.add(key);
        }
        notifyAll();
    }

    /** Queues {@code key} after {@code delay}, unless it is already due sooner. */
    public synchronized void addAfter(String key, Duration delay) {
        if (ready.contains(key)) {
            return;
        }
        long due = clock.millis() + delay.toMillis();
        delayed.merge(key, due, Math::min);
        notifyAll();
    }

    /** The key failed: queue it again after its backoff. */
    public synchronized void retry(String key) {
        int n = failures.merge(key, 1, Integer::sum);
        long delay = baseMillis << Math.min(n - 1, 30);
        addAfter(key, Duration.ofMillis(Math.min(delay, maxMillis)));
    }

    /** The key succeeded: its next failure starts the backoff over. */
    public synchronized void forget(String key) {
        failures.remove(key);
    }

    /** How often {@code key} has failed in a row. */
    public synchronized int failures(String key) {
        return failures.getOrDefault(key, 0);
    }

    /** The next due key, now marked as being processed; empty when none is due. */
    public synchronized Optional<String> poll() {
        long now = clock.millis();
        for (Iterator<Map.Entry<String, Long>> it = delayed.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            if (e.getValue() <= now && !processing.contains(e.getKey())) {
                ready.add(e.getKey());
                it.remove();
            }
        }
        for (Iterator<String> it = ready.iterator(); it.hasNext(); ) {
            String key = it.next();
            if (!processing.contains(key)) {
                it.remove();
                processing.add(key);
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The worker is finished with {@code key}; a key added meanwhile is queued again. */
    public synchronized void done(String key) {
        processing.remove(key);
        if (dirty.remove(key)) {
            delayed.remove(key);
            ready.add(key);
        }
        notifyAll();
    }

    /** Blocks until a key is due (then marks it processed) or the queue is closed (then empty). */
    public synchronized Optional<String> take() throws InterruptedException {
        while (!closed) {
            Optional<String> k = poll();
            if (k.isPresent()) {
                return k;
            }
            long now = clock.millis();
            long next =
                    delayed.values().stream().mapToLong(Long::longValue).min().orElse(now + 1000);
            wait(Math.max(1, Math.min(next - now, 1000)));
        }
        return Optional.empty();
    }

    /** The number of keys queued or delayed (not counting those being processed). */
    public synchronized int size() {
        return ready.size() + delayed.size();
    }

    /** Wakes every {@link #take} with empty; later takes answer empty at once. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
