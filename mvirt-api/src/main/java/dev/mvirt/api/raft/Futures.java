package dev.mvirt.api.raft;

import java.util.concurrent.CompletableFuture;

/** Calls that hand back a future but may also throw while starting it. */
final class Futures {
    private Futures() {}

    /** A call that starts some work and returns its future; it may throw before it gets that far. */
    @FunctionalInterface
    interface Start<T> {
        CompletableFuture<T> start() throws Exception;
    }

    /** The cause a CompletionException wraps, or {@code t} itself. */
    static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** {@code call}'s future, or a failed one if the call threw: a caller then has one way to see every failure. */
    static <T> CompletableFuture<T> attempt(Start<T> call) {
        try {
            return call.start();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
