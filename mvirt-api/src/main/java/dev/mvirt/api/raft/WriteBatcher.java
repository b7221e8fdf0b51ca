package dev.mvirt.api.raft;

import dev.mvirt.api.store.StoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Group commit: while {@code maxInFlight} proposals are on their way, the writes submitted meanwhile queue, and the
 * next proposal carries all of them (up to {@code maxCommands} and {@code maxBytes}); a lone write is proposed at
 * once, so a single client waits for nothing. Used twice ({@link RaftNode}): each peer gathers the writes it serves
 * into one forward to the leader, and the leader gathers the forwards of all peers into one Raft entry (one log
 * append, one replication, one apply call for them all). A proposal answers one result per write, in order; one
 * refused command does not affect the others. A write whose caller already gave up (its future completed, e.g. by a
 * timeout) while it queued is dropped instead of proposed, so a 503 for it is never followed by its commit.
 *
 * @param <T> a write
 * @param <R> its result
 */
final class WriteBatcher<T, R> {
    private record Pending<T, R>(T write, int size, CompletableFuture<R> result) {}

    private final Function<List<T>, CompletableFuture<List<R>>> propose;
    private final ToIntFunction<T> size;
    private final int maxInFlight;
    private final int maxCommands;
    private final int maxBytes;
    private final ArrayDeque<Pending<T, R>> queue = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param propose proposes writes together and answers the result of each, in order
     * @param size a write's size in bytes (for {@code maxBytes})
     */
    WriteBatcher(
            Function<List<T>, CompletableFuture<List<R>>> propose,
            ToIntFunction<T> size,
            int maxInFlight,
            int maxCommands,
            int maxBytes) {
        if (maxInFlight < 1 || maxCommands < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
        this.propose = propose;
        this.size = size;
        this.maxInFlight = maxInFlight;
        this.maxCommands = maxCommands;
        this.maxBytes = maxBytes;
    }

    /**
     * Proposes {@code write}, alone or with others, and completes with its result. Completing the returned future
     * early (a timeout) withdraws the write if it has not been proposed yet.
     */
    CompletableFuture<R> submit(T write) {
        Pending<T, R> p = new Pending<>(write, size.applyAsInt(write), new CompletableFuture<>());
        synchronized (this) {
            queue.addLast(p);
        }
        drain();
        return p.result();
    }

    /** Writes queued and not yet proposed (for tests and metrics). */
    synchronized int queued() {
        return queue.size();
    }

    private void drain() {
        while (true) {
            List<Pending<T, R>> batch;
            synchronized (this) {
                if (inFlight >= maxInFlight) {
                    return;
                }
                batch = take();
                if (batch.isEmpty()) {
                    return;
                }
                inFlight++;
            }
            send(batch);
        }
    }

    /** The next batch from the queue: the oldest live writes within the limits (always at least one if any). */
    private List<Pending<T, R>> take() {
        List<Pending<T, R>> batch = new ArrayList<>();
        int bytes = 0;
        while (!queue.isEmpty() && batch.size() < maxCommands) {
            Pending<T, R> next = queue.peekFirst();
            if (next.result().isDone()) {
                queue.removeFirst();
                continue;
            }
            if (!batch.isEmpty() && bytes + next.size() > maxBytes) {
                break;
            }
            batch.add(queue.removeFirst());
            bytes += next.size();
        }
        return batch;
    }

    private void send(List<Pending<T, R>> batch) {
        CompletableFuture<List<R>> results = Futures.attempt(
                () -> propose.apply(batch.stream().map(Pending::write).toList()));
        results.whenComplete((list, t) -> {
            synchronized (this) {
                inFlight--;
            }
            deliver(batch, list, t);
            drain();
        });
    }

    private static <T, R> void deliver(
            List<Pending<T, R>> batch,
            @org.jspecify.annotations.Nullable List<R> list,
            @org.jspecify.annotations.Nullable Throwable t) {
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<R> f = batch.get(i).result();
            if (t != null || list == null) {
                f.completeExceptionally(t != null ? t : new StoreException("no results for a proposal"));
            } else if (i < list.size()) {
                f.complete(list.get(i));
            } else {
                f.completeExceptionally(new StoreException(
                        "a proposal of " + batch.size() + " writes answered " + list.size() + " results"));
            }
        }
    }
}
