package dev.mvirt.api.raft;

import dev.mvirt.api.codec.CommandCodec;
import dev.mvirt.api.codec.Decoded;
import dev.mvirt.api.model.FieldError;
import dev.mvirt.api.state.Applied;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Placer;
import dev.mvirt.api.state.Result;
import dev.mvirt.api.store.EventLog;
import dev.mvirt.api.store.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ratis's view of mvirt's state: applies each committed entry (one command, or a batch of them) to the pure
 * {@link ClusterState} in log order (on Ratis's single apply thread), each command at its own revision, publishes
 * the events, records the outcomes for the proposer, and takes and loads snapshots. A malformed or unknown command
 * is rejected as an {@code Invalid} result and the peer goes on.
 */
public final class MvirtStateMachine extends BaseStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(MvirtStateMachine.class);

    /** The query a peer sends the leader for a linearizable read's index ({@link #query}). */
    static final Message READ_INDEX = Message.valueOf("mvirt-read-index");

    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final Placer placer;
    private final EventLog events;
    private final AppliedWaiters waiters;
    private final ApplyMetrics metrics;
    private volatile ApplyListener listener = ApplyListener.none();
    private volatile Runnable leaderListener = () -> {};
    private volatile ByteString writerId = ByteString.EMPTY;
    private volatile ObjLongConsumer<ByteString> appliedListener = (proposer, index) -> {};
    private volatile Supplier<CompletableFuture<Long>> readIndexes =
            () -> CompletableFuture.failedFuture(new LeaderReads.ReadRefused("not started"));
    private final java.util.concurrent.atomic.AtomicInteger snapshotLoads =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile ClusterState state = ClusterState.empty();

    /** {@code keptOutcomes}: {@link Limits#keptOutcomes}. */
    MvirtStateMachine(Placer placer, EventLog events, Executor callbacks, ApplyMetrics metrics, int keptOutcomes) {
        this.placer = placer;
        this.events = events;
        this.metrics = metrics;
        this.waiters = new AppliedWaiters(keptOutcomes, callbacks);
    }

    /**
     * Sets who is told when this peer learns of a new leader, and when this peer, newly leading, is ready for writes
     * (the write path); set once at start-up.
     */
    void leaderListener(Runnable r) {
        this.leaderListener = r;
    }

    /** The client id this peer's own writes carry ({@link LeaderWriter}): their outcomes are kept for it. */
    void writerId(ByteString id) {
        this.writerId = id;
    }

    /**
     * Sets who is told after each entry this peer applied (so committed), with the client id that proposed it (empty
     * for Ratis's own entries) and its index: the leader's appenders, which tell the followers ({@link CommitPush});
     * set once at start-up.
     */
    void appliedListener(ObjLongConsumer<ByteString> r) {
        this.appliedListener = r;
    }

    /** Confirms linearizable reads while this peer leads ({@link LeaderReads#confirm}); set once at start-up. */
    void readIndexes(Supplier<CompletableFuture<Long>> r) {
        this.readIndexes = r;
    }

    /** Sets who is told of applied commands (the audit recorder); set once at start-up. */
    void listener(ApplyListener l) {
        this.listener = l;
    }

    /** The applied state; any thread. */
    ClusterState state() {
        return state;
    }

    /** How many times this peer loaded its state from a snapshot (at start or installed from the leader). */
    int snapshotLoads() {
        return snapshotLoads.get();
    }

    AppliedWaiters waiters() {
        return waiters;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        getLifeCycle().startAndTransition(() -> {
            storage.init(raftStorage);
            load(storage.loadLatestSnapshot());
        });
    }

    /** Ratis pauses the state machine before it swaps in a snapshot installed from the leader. */
    @Override
    public void pause() {
        getLifeCycle().transition(LifeCycle.State.PAUSING);
        getLifeCycle().transition(LifeCycle.State.PAUSED);
    }

    @Override
    public void reinitialize() throws IOException {
        // a snapshot was installed from the leader: load it and run again
        getLifeCycle().transition(LifeCycle.State.STARTING);
        load(storage.loadLatestSnapshot());
        getLifeCycle().transition(LifeCycle.State.RUNNING);
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        long index = entry.getIndex();
        long started = System.nanoTime();
        byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
        List<Outcome> outcomes = apply(index, data);
        updateLastAppliedTermIndex(entry.getTerm(), index);
        waiters.applied(
                index, outcomes, entry.getStateMachineLogEntry().getClientId().equals(writerId));
        metrics.applied(System.nanoTime() - started, outcomes.size());
        appliedListener.accept(entry.getStateMachineLogEntry().getClientId(), index);
        // the leader's reply tells a proposing follower its entry is committed (CommitNote)
        return CompletableFuture.completedFuture(CommitNote.message(index, entry.getTerm()));
    }

    @Override
    public void notifyTermIndexUpdated(long term, long index) {
        // configuration and no-op entries: nothing to apply (no revision is used), but readers move on
        super.notifyTermIndexUpdated(term, index);
        waiters.applied(index, List.of(), false);
        appliedListener.accept(ByteString.EMPTY, index);
    }

    @Override
    public void notifyLeaderChanged(org.apache.ratis.protocol.RaftGroupMemberId member, RaftPeerId leader) {
        metrics.leaderChanged();
        LOG.info("leader changed to {} (seen by {})", leader, member.getPeerId());
        leaderListener.run();
    }

    /**
     * This peer leads and has applied its first entry of the term: writes refused meanwhile ("leader not ready") can
     * go in now rather than after their backoff.
     */
    @Override
    public void notifyLeaderReady() {
        LOG.info("leader ready (term {})", getLastAppliedTermIndex().getTerm());
        leaderListener.run();
    }

    /**
     * {@link #READ_INDEX} asks this peer, as the leader, for a linearizable read's index ({@link LeaderReads}), sent as
     * a stale read (which Ratis hands straight to this method); anything else is a Ratis ReadIndex read from a peer of
     * an earlier version and gets the index this peer has applied. A refusal (not the leader, no majority in time)
     * goes back as a StateMachineException, which the reader tries again ({@link LeaderWriter}).
     */
    @Override
    public CompletableFuture<Message> query(Message request) {
        if (request.getContent().equals(READ_INDEX.getContent())) {
            return Futures.attempt(readIndexes::get)
                    .thenApply(MvirtStateMachine::indexMessage)
                    .exceptionallyCompose(t -> CompletableFuture.failedFuture(new StateMachineException(
                            "read not confirmed: " + Futures.unwrap(t).getMessage())));
        }
        return CompletableFuture.completedFuture(
                indexMessage(getLastAppliedTermIndex().getIndex()));
    }

    private static Message indexMessage(long index) {
        return Message.valueOf(ByteString.copyFromUtf8(Long.toString(index)));
    }

    @Override
    public long takeSnapshot() throws IOException {
        TermIndex last = getLastAppliedTermIndex();
        long started = System.nanoTime();
        SingleFileSnapshotInfo info = SnapshotFiles.write(storage, state, last);
        storage.updateLatestSnapshot(info);
        metrics.snapshot(System.nanoTime() - started);
        LOG.info("snapshot taken revision={} index={} term={}", state.revision(), last.getIndex(), last.getTerm());
        return last.getIndex();
    }

    /** The outcomes of the entry at {@code index}: one command, or each command of a batch in order. */
    private List<Outcome> apply(long index, byte[] data) {
        Decoded decoded = CommandCodec.decode(data);
        if (decoded instanceof Decoded.Batch batch) {
            List<Outcome> out = new ArrayList<>(batch.entries().size());
            batch.entries().forEach(d -> out.add(applyOne(index, d)));
            return out;
        }
        return List.of(applyOne(index, decoded));
    }

    /**
     * Applies one command of the entry at {@code index} at the next revision: the entry's index, or one past the
     * last revision when a batch before it used more revisions than it had indexes. So an entry with one command
     * (every entry before batching existed) keeps revision == index, and revisions only grow.
     */
    private Outcome applyOne(long index, Decoded decoded) {
        long revision = Math.max(state.revision() + 1, index);
        if (decoded instanceof Decoded.Rejected r) {
            LOG.warn("rejected log entry index={} revision={} reason={}", index, revision, r.reason());
            state = state.skip(revision);
            return new Outcome(revision, new Result.Invalid(new FieldError("command", r.reason())));
        }
        try {
            var envelope = ((Decoded.Ok) decoded).envelope();
            Applied a = state.apply(revision, envelope, placer);
            state = a.state();
            events.publish(revision, a.events());
            listener.applied(revision, envelope, a.result());
            return new Outcome(revision, a.result());
        } catch (RuntimeException e) {
            // a bug in apply: deterministic on every peer, so every peer skips the same command and stays up
            LOG.error("apply failed index={} revision={}; command skipped", index, revision, e);
            state = state.skip(revision);
            return new Outcome(
                    revision, new Result.Invalid(new FieldError("command", "internal error applying the command")));
        }
    }

    private void load(@org.jspecify.annotations.Nullable SingleFileSnapshotInfo info) throws IOException {
        if (info == null) {
            return;
        }
        state = SnapshotFiles.read(info);
        snapshotLoads.incrementAndGet();
        setLastAppliedTermIndex(info.getTermIndex());
        events.reset(state.revision());
        waiters.jumped(info.getIndex());
        LOG.info("state loaded from snapshot index={} revision={}", info.getIndex(), state.revision());
    }
}
