package dev.mvirt.api.raft;

import dev.mvirt.api.codec.CommandCodec;
import dev.mvirt.api.codec.ForwardCodec.Placed;
import dev.mvirt.api.codec.ForwardCodec.Reply;
import dev.mvirt.api.codec.ForwardCodec.Write;
import dev.mvirt.api.codec.WriteId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The leader's side of every write: the writes each peer forwards (its own included) go into one
 * {@link WriteBatcher}, so the next Raft entry carries the writes of all peers that queued while the last one was on
 * its way, each with its id. Before that: a leader not ready (or no leader) answers "retry"; a write applied
 * recently ({@link RecentWrites}) is answered with its place; a write already on its way here joins it. So a resend
 * (the peer's attempt timed out, or its leader changed) is applied once. Writes are only proposed here, on this
 * peer's own server; if that fails (this peer stepped down) the forwarding peer sends them again, to the new leader,
 * which is ready only once it applied every entry before its term and so knows which of them committed.
 */
final class Intake {
    private final BooleanSupplier ready;
    private final RecentWrites recent;
    private final WriteBatcher<Write, Placed> batcher;
    private final Map<WriteId, CompletableFuture<Placed>> onTheirWay = new HashMap<>();

    /**
     * @param ready whether this peer leads and has applied its first entry of the term
     * @param commitHere proposes an entry on this peer's own server and answers its log index once applied here
     */
    Intake(
            BooleanSupplier ready,
            RecentWrites recent,
            Function<byte[], CompletableFuture<Long>> commitHere,
            Limits limits) {
        this.ready = ready;
        this.recent = recent;
        this.batcher = new WriteBatcher<>(
                writes -> commitHere
                        .apply(CommandCodec.encodeBatch(
                                writes.stream().map(Write::entry).toList(),
                                writes.stream().map(Write::id).toList()))
                        .thenApply(index -> places(index, writes.size())),
                w -> w.entry().length,
                limits.batchInFlight(),
                limits.batchCommands(),
                limits.batchBytes());
    }

    /** Commits {@code writes} (each once, whoever sent it before) and answers where, or why to send them again. */
    CompletableFuture<Reply> accept(List<Write> writes) {
        if (!ready.getAsBoolean()) {
            return CompletableFuture.completedFuture(Reply.retry("this peer is not a leader ready for writes"));
        }
        List<CompletableFuture<Placed>> each = new ArrayList<>(writes.size());
        writes.forEach(w -> each.add(one(w)));
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .handle((v, t) -> t != null
                        ? Reply.retry(reason(t))
                        : new Reply(
                                "", each.stream().map(CompletableFuture::join).toList()));
    }

    /** Writes on their way to commit here (for tests). */
    synchronized int onTheirWay() {
        return onTheirWay.size();
    }

    private CompletableFuture<Placed> one(Write w) {
        CompletableFuture<Placed> mine = new CompletableFuture<>();
        synchronized (this) {
            Placed done = recent.find(w.id());
            if (done != null) {
                return CompletableFuture.completedFuture(done);
            }
            CompletableFuture<Placed> earlier = onTheirWay.get(w.id());
            if (earlier != null) {
                return earlier;
            }
            onTheirWay.put(w.id(), mine);
        }
        // proposed outside the lock: Ratis may complete futures (and so call back here) under its own locks
        batcher.submit(w).whenComplete((placed, t) -> {
            // applied (so in RecentWrites) or failed: a resend from now on finds it there or proposes it anew
            synchronized (this) {
                onTheirWay.remove(w.id(), mine);
            }
            if (t != null) {
                mine.completeExceptionally(t);
            } else {
                mine.complete(placed);
            }
        });
        return mine;
    }

    private static List<Placed> places(long index, int n) {
        List<Placed> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Placed(index, i));
        }
        return out;
    }

    private static String reason(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }
}
