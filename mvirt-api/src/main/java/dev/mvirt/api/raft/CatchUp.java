package dev.mvirt.api.raft;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a peer has applied everything the group had committed when it started, so its state is no older than what
 * it may have served before a restart. A restarted peer recovers only up to its snapshot (and, with log metadata
 * entries, the last commit index it wrote down) and learns the rest from the leader; until then local reads would go
 * back in time.
 *
 * <p>Passed by the first ReadIndex through this peer that it has applied (a virtual thread asks one at start and
 * again every 200 ms until a leader answers; every linearizable read is one too), or by the first write through this
 * peer that it has applied (its entry comes after every entry committed before the start). Once passed it stays
 * passed: a peer later cut off serves stale local reads with their revision, as any follower does.
 */
final class CatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);
    private static final Duration RETRY = Duration.ofMillis(200);
    private static final Duration WARN_EVERY = Duration.ofSeconds(10);

    private final String peer;
    private final Duration timeout;
    private final Supplier<CompletableFuture<Long>> readIndex;
    private final Thread thread = Thread.ofVirtual().name("raft-catch-up").unstarted(this::run);
    private volatile boolean passed;

    /**
     * @param readIndex a linearizable read's index ({@link RaftNode#readIndex}: asked of the leader this peer knows,
     *     tried again quietly while it knows none), completing with the confirmed index once this peer has applied it
     * @param timeout how long one attempt may take
     */
    CatchUp(String peer, Duration timeout, Supplier<CompletableFuture<Long>> readIndex) {
        this.peer = peer;
        this.timeout = timeout;
        this.readIndex = readIndex;
    }

    void start() {
        thread.start();
    }

    void stop() {
        thread.interrupt();
    }

    /** One volatile read: true once caught up, never false again. */
    boolean passed() {
        return passed;
    }

    /**
     * This peer applied an index the group confirmed after it started (a ReadIndex, or a write it proposed): passes,
     * and hands {@code result} (what that step produced) on, so it can stand in a future's chain.
     */
    <T> T pass(T result) {
        passed = true;
        return result;
    }

    private void run() {
        long started = System.nanoTime();
        long warned = started;
        while (!passed && !Thread.currentThread().isInterrupted()) {
            try {
                long index = readIndex.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                passed = true;
                LOG.info(
                        "raft peer {} caught up at index {} after {} ms; serving local reads",
                        peer,
                        index,
                        (System.nanoTime() - started) / 1_000_000);
                return;
            } catch (InterruptedException e) {
                return;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                if (System.nanoTime() - warned > WARN_EVERY.toNanos()) {
                    warned = System.nanoTime();
                    LOG.warn(
                            "raft peer {} has not caught up with the group after {} s (no leader answered: {});"
                                    + " local reads answer 503 until it does",
                            peer,
                            (warned - started) / 1_000_000_000,
                            e.getMessage());
                }
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
