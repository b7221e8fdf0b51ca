package dev.mvirt.api.raft;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one call at a time: callers that arrive while a call runs share the next one, which starts when the running
 * one ends (successfully or not). Every caller gets the outcome of a call that started after it arrived, so a
 * linearizable read's index may be shared this way (etcd's read loop works the same way); under load a round trip
 * then serves many reads instead of one.
 */
final class OneAtATime<T> {
    private final Supplier<CompletableFuture<T>> call;
    private final Object lock = new Object();
    private boolean running;
    private @Nullable CompletableFuture<T> next;

    OneAtATime(Supplier<CompletableFuture<T>> call) {
        this.call = call;
    }

    /** The outcome of a call that starts now, or of the next one if a call is running. */
    CompletableFuture<T> get() {
        CompletableFuture<T> mine;
        synchronized (lock) {
            if (running) {
                if (next == null) {
                    next = new CompletableFuture<>();
                }
                return next;
            }
            running = true;
            mine = new CompletableFuture<>();
        }
        run(mine);
        return mine;
    }

    /**
     * Runs calls for {@code callers} and then for whoever queued meanwhile, until nobody waits: a loop while calls
     * end before they return, a continuation when one ends later.
     */
    private void run(CompletableFuture<T> callers) {
        CompletableFuture<T> current = callers;
        while (current != null) {
            CompletableFuture<T> those = current;
            CompletableFuture<T> started = Futures.attempt(call::get);
            if (!started.isDone()) {
                started.whenComplete((v, t) -> {
                    settle(those, started);
                    CompletableFuture<T> waiting = take();
                    if (waiting != null) {
                        run(waiting);
                    }
                });
                return;
            }
            settle(those, started);
            current = take();
        }
    }

    private @Nullable CompletableFuture<T> take() {
        synchronized (lock) {
            CompletableFuture<T> waiting = next;
            next = null;
            if (waiting == null) {
                running = false;
            }
            return waiting;
        }
    }

    /** Hands the outcome of {@code done} (a finished call) to {@code callers}. */
    private static <T> void settle(CompletableFuture<T> callers, CompletableFuture<T> done) {
        done.whenComplete((v, t) -> {
            if (t != null) {
                callers.completeExceptionally(Futures.unwrap(t));
            } else {
                callers.complete(v);
            }
        });
    }
}
