package dev.mvirt.api.raft;

import dev.mvirt.api.codec.CommandCodec;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.Deadlines;
import dev.mvirt.api.store.Outcome;
import dev.mvirt.api.store.StoreException;
import dev.mvirt.api.store.Watch;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.protocol.RaftClientReply;

/**
 * The {@link DataStore} of an API server: writes are grouped into entries ({@link WriteBatcher}) that go to the
 * leader this peer knows ({@link LeaderWriter}; the HTTP client is never redirected) and answer after this peer has
 * applied the entry; reads come from this peer's memory once it has caught up after its start
 * ({@link RaftNode#caughtUp}); linearizable reads use ReadIndex through this peer.
 */
public final class RaftStore implements DataStore {
    private final RaftNode node;
    private final Clock clock;

    /** A store over a started {@link RaftNode}; {@code clock} stamps commands. */
    public RaftStore(RaftNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Outcome> submit(Command command, Caller caller) {
        Envelope env =
                new Envelope(command, caller.actor(), clock.millis(), caller.idempotencyKey(), caller.requestHash());
        // the timeout completes the batcher's own future, so a write still queued then is withdrawn, not proposed
        return Deadlines.bound(
                        node.propose(CommandCodec.encode(env)), node.config().requestTimeout())
                .exceptionallyCompose(RaftStore::failed);
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException (503) until this peer has caught up after its start ({@link RaftNode#caughtUp}): its
     *     state may be older than what it served before it restarted
     */
    @Override
    public ClusterState read() {
        if (!node.caughtUp()) {
            throw new StoreException("this API server has not caught up with the Raft group since it started"
                    + " (no leader has answered it yet); retry, or ask another API server");
        }
        return node.stateMachine().state();
    }

    @Override
    public CompletableFuture<ClusterState> readConsistent() {
        return Deadlines.bound(
                        node.readIndex().thenApply(index -> node.stateMachine().state()),
                        node.config().requestTimeout())
                .exceptionallyCompose(RaftStore::failed);
    }

    @Override
    public Watch watch(long fromRevision) {
        return node.events().watch(fromRevision);
    }

    /** The index a ReadIndex reply confirmed: the index the serving peer had applied ({@link MvirtStateMachine#query}). */
    static long readIndex(RaftClientReply reply) {
        requireSuccess(reply);
        if (reply.getMessage() != null && !reply.getMessage().getContent().isEmpty()) {
            return Long.parseLong(reply.getMessage().getContent().toStringUtf8());
        }
        return reply.getLogIndex();
    }

    /**
     * Refuses an unsuccessful reply.
     *
     * @throws StoreException if the request was not committed (or the read not confirmed)
     */
    static void requireSuccess(RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw new StoreException("not committed: " + reason(reply.getException()), reply.getException());
        }
    }

    private static <T> CompletableFuture<T> failed(Throwable t) {
        Throwable cause = Futures.unwrap(t);
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
