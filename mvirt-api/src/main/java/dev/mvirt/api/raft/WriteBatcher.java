package dev.mvirt.api.raft;

import dev.mvirt.api.codec.CommandCodec;
import dev.mvirt.api.store.Outcome;
import dev.mvirt.api.store.StoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Group commit on the proposing peer: while {@code maxInFlight} entries from this peer are on their way to commit,
 * the writes submitted meanwhile queue, and the next entry carries all of them (up to {@code maxCommands} and
 * {@code maxBytes}) as one batch. A lone write is proposed at once as a plain entry, so a single client waits for
 * nothing; under load one Raft entry (one forward, one log append, one replication, one apply call) serves many
 * writes. Each command of a batch is applied on its own at its own revision; one refused command does not affect
 * the others. A write whose caller already gave up (its future completed, e.g. by a timeout) while it queued is
 * dropped instead of proposed, so a 503 for it is never followed by its commit.
 */
final class WriteBatcher {
    /**
     * Where a write's time went, each stage reported once per write in nanoseconds: {@code queued} from submit to
     * its entry's proposal, {@code committed} from the proposal to its commit (an answer from the leader), {@code
     * applied} from the commit to its outcome on this peer.
     */
    interface Stages {
        Stages NONE = (queued, committed, applied) -> {};

        /** The writes of one entry: each one's queue time, and the entry's commit and apply times. */
        void entry(long[] queued, long committed, long applied);
    }

    private record Pending(byte[] entry, CompletableFuture<Outcome> result, long submitted) {}

    private final Function<byte[], CompletableFuture<Long>> propose;
    private final LongFunction<CompletableFuture<List<Outcome>>> outcomes;
    private final int maxInFlight;
    private final int maxCommands;
    private final int maxBytes;
    private final Stages stages;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param propose commits an entry and answers its log index
     * @param outcomes the outcomes of the commands at a log index once this peer applied it
     */
    WriteBatcher(
            Function<byte[], CompletableFuture<Long>> propose,
            LongFunction<CompletableFuture<List<Outcome>>> outcomes,
            int maxInFlight,
            int maxCommands,
            int maxBytes) {
        this(propose, outcomes, maxInFlight, maxCommands, maxBytes, Stages.NONE);
    }

    /** As above, reporting each entry's {@link Stages}. */
    WriteBatcher(
            Function<byte[], CompletableFuture<Long>> propose,
            LongFunction<CompletableFuture<List<Outcome>>> outcomes,
            int maxInFlight,
            int maxCommands,
            int maxBytes,
            Stages stages) {
        if (maxInFlight < 1 || maxCommands < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
        this.propose = propose;
        this.outcomes = outcomes;
        this.maxInFlight = maxInFlight;
        this.maxCommands = maxCommands;
        this.maxBytes = maxBytes;
        this.stages = stages;
    }

    /**
     * Commits {@code entry} (an encoded envelope), alone or in a batch, and completes with its outcome on this peer.
     * Completing the returned future early (a timeout) withdraws the write if it has not been proposed yet.
     */
    CompletableFuture<Outcome> submit(byte[] entry) {
        Pending p = new Pending(entry, new CompletableFuture<>(), System.nanoTime());
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
            List<Pending> batch;
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
    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>();
        int bytes = 0;
        while (!queue.isEmpty() && batch.size() < maxCommands) {
            Pending next = queue.peekFirst();
            if (next.result().isDone()) {
                queue.removeFirst();
                continue;
            }
            if (!batch.isEmpty() && bytes + next.entry().length > maxBytes) {
                break;
            }
            batch.add(queue.removeFirst());
            bytes += next.entry().length;
        }
        return batch;
    }

    private void send(List<Pending> batch) {
        long proposed = System.nanoTime();
        CompletableFuture<Long> committed = Futures.attempt(() -> propose.apply(
                batch.size() == 1
                        ? batch.getFirst().entry()
                        : CommandCodec.encodeBatch(
                                batch.stream().map(Pending::entry).toList())));
        committed.whenComplete((index, t) -> {
            synchronized (this) {
                inFlight--;
            }
            if (t != null) {
                batch.forEach(p -> p.result().completeExceptionally(t));
            } else {
                long commit = System.nanoTime();
                outcomes.apply(index).whenComplete((list, u) -> {
                    long applied = System.nanoTime();
                    deliver(batch, index, list, u);
                    if (u == null) {
                        report(batch, proposed, commit, applied);
                    }
                });
            }
            drain();
        });
    }

    private void report(List<Pending> batch, long proposed, long commit, long applied) {
        long[] queued = new long[batch.size()];
        for (int i = 0; i < queued.length; i++) {
            queued[i] = proposed - batch.get(i).submitted();
        }
        stages.entry(queued, commit - proposed, applied - commit);
    }

    private static void deliver(List<Pending> batch, long index, List<Outcome> list, Throwable t) {
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<Outcome> f = batch.get(i).result();
            if (t != null) {
                f.completeExceptionally(t);
            } else if (i < list.size()) {
                f.complete(list.get(i));
            } else {
                f.completeExceptionally(new StoreException(
                        "the entry at index " + index + " has " + list.size() + " commands, expected " + batch.size()));
            }
        }
    }
}
