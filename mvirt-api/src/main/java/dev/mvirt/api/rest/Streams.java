package dev.mvirt.api.rest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Counts open event streams per token (429 past the limit) and tells them when the server stops. */
final class Streams {
    private final int perToken;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    Streams(int perToken) {
        this.perToken = perToken;
    }

    /** A slot for one stream of {@code token}; close it when the stream ends. */
    Slot acquire(String token) {
        int n = open.merge(token, 1, Integer::sum);
        if (n > perToken) {
            release(token);
            throw new ApiException(429, "too_many_streams", "at most " + perToken + " event streams per token");
        }
        return () -> release(token);
    }

    boolean stopping() {
        return stopping.get();
    }

    void stop() {
        stopping.set(true);
    }

    private void release(String token) {
        open.computeIfPresent(token, (k, v) -> v <= 1 ? null : v - 1);
    }

    /** An open stream's claim. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
