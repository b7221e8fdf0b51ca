package dev.mvirt.api.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails futures still pending after their timeout, with one sweeper thread for all of them instead of a timer per
 * future. {@code CompletableFuture.orTimeout} and a timed {@code get} each hand a task to a ForkJoinPool delay
 * scheduler and cancel it when the future completes, and each of those steps can wake the scheduler's thread; with
 * two per write (the store's bound and the HTTP handler's wait) that was thousands of wake-ups a second on a busy
 * peer (README, "Raft timing", session 18). Here a future joins a queue of the futures with the same timeout, in
 * arrival order, so in deadline order (to within the moments between reading the clock and joining), and every
 * {@link #TICK} the sweeper drops the done ones at the head and fails the expired ones with a
 * {@link TimeoutException}. A deadline can be passed by up to one tick. A done future waits in its queue until the
 * ones ahead of it are done or expired: normally a tick's worth of writes, while a leader is missing up to a
 * timeout's worth.
 */
public final class Deadlines {
    /** How often the sweeper looks. */
    public static final Duration TICK = Duration.ofMillis(50);

    private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);
    private static final Deadlines SHARED = new Deadlines();

    private record Entry(long deadline, CompletableFuture<?> future) {}

    /** By timeout in nanoseconds: a queue's deadlines grow in arrival order. */
    private final ConcurrentHashMap<Long, ConcurrentLinkedQueue<Entry>> queues = new ConcurrentHashMap<>();

    private Deadlines() {
        Thread.ofPlatform().daemon().name("mvirt-deadlines").start(this::run);
    }

    /**
     * Fails {@code f} with a TimeoutException if it is not done {@code timeout} from now (give or take a
     * {@link #TICK}); returns {@code f}.
     */
    public static <T> CompletableFuture<T> bound(CompletableFuture<T> f, Duration timeout) {
        if (!f.isDone()) {
            long nanos = timeout.toNanos();
            SHARED.queues
                    .computeIfAbsent(nanos, k -> new ConcurrentLinkedQueue<>())
                    .add(new Entry(System.nanoTime() + nanos, f));
        }
        return f;
    }

    private void run() {
        while (true) {
            try {
                Thread.sleep(TICK);
                sweep(System.nanoTime());
            } catch (InterruptedException e) {
                return; // never interrupted: a daemon for the life of the JVM
            } catch (RuntimeException | Error e) {
                LOG.error("deadline sweep failed; going on", e);
            }
        }
    }

    private void sweep(long now) {
        for (ConcurrentLinkedQueue<Entry> q : queues.values()) {
            for (Entry e = q.peek(); e != null; e = q.peek()) {
                if (!e.future().isDone() && e.deadline() - now > 0) {
                    break; // the oldest pending one: everything behind it is younger
                }
                q.poll();
                if (!e.future().isDone()) {
                    e.future().completeExceptionally(new TimeoutException("no answer in time"));
                }
            }
        }
    }
}
