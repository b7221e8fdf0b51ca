package dev.mvirt.api.raft;

import dev.mvirt.api.codec.CommandCodec;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.Outcome;
import dev.mvirt.api.store.StoreException;
import dev.mvirt.api.store.Watch;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * The {@link DataStore} of an API server: writes are grouped into entries ({@link WriteBatcher}) that go to the
 * leader this peer knows ({@link LeaderWriter}; the HTTP client is never redirected) and answer after this peer has
 * applied the entry; reads come from this
 * peer's memory; linearizable reads use ReadIndex through this peer.
 */
public final class RaftStore implements DataStore {
    private final RaftNode node;
    private final Clock clock;
    private final LocalServer local;

    /** A store over a started {@link RaftNode}; {@code clock} stamps commands. */
    public RaftStore(RaftNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
        this.local = new LocalServer(node);
    }

    @Override
    public CompletableFuture<Outcome> submit(Command command, Caller caller) {
        Envelope env =
                new Envelope(command, caller.actor(), clock.millis(), caller.idempotencyKey(), caller.requestHash());
        // the timeout completes the batcher's own future, so a write still queued then is withdrawn, not proposed
        return node.propose(CommandCodec.encode(env))
                .orTimeout(node.config().requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(RaftStore::failed);
    }

    @Override
    public ClusterState read() {
        return node.stateMachine().state();
    }

    @Override
    public CompletableFuture<ClusterState> readConsistent() {
        return readIndex()
                .thenCompose(reply -> node.stateMachine().waiters().reached(committedIndex(reply)))
                .thenApply(index -> node.stateMachine().state())
                .orTimeout(node.config().requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(RaftStore::failed);
    }

    @Override
    public Watch watch(long fromRevision) {
        return node.events().watch(fromRevision);
    }

    /** ReadIndex through this peer's own server; if it cannot serve it now, through the client (which retries). */
    private CompletableFuture<RaftClientReply> readIndex() {
        RaftPeerId self = RaftPeerId.valueOf(node.config().id());
        return local.read(Message.EMPTY)
                .handle((reply, t) -> t == null && reply.isSuccess()
                        ? CompletableFuture.completedFuture(reply)
                        : node.client().async().sendReadOnly(Message.EMPTY, self))
                .thenCompose(f -> f);
    }

    static long committedIndex(RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw new StoreException("not committed: " + reason(reply.getException()), reply.getException());
        }
        if (reply.getMessage() != null && !reply.getMessage().getContent().isEmpty()) {
            // a read-only query answers with the index the serving peer had applied
            return Long.parseLong(reply.getMessage().getContent().toStringUtf8());
        }
        return reply.getLogIndex();
    }

    private static <T> CompletableFuture<T> failed(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof StoreException s) {
            return CompletableFuture.failedFuture(s);
        }
        if (cause instanceof TimeoutException) {
            return CompletableFuture.failedFuture(new StoreException("no quorum answered in time", cause));
        }
        return CompletableFuture.failedFuture(new StoreException("not committed: " + reason(cause), cause));
    }

    private static String reason(@org.jspecify.annotations.Nullable Throwable t) {
        return t == null ? "unknown" : t.getClass().getSimpleName();
    }
}
