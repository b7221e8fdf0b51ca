package dev.mvirt.api.raft;

import dev.mvirt.api.state.Placer;
import dev.mvirt.api.store.EventLog;
import dev.mvirt.api.store.Outcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientAsynchronousProtocol;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.ExponentialBackoffRetry;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.impl.FollowerCommits;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * One Ratis peer of the mvirt group plus the client this API server uses to propose. Owns the server, the state
 * machine and the client; {@link #close} stops them. The group id is fixed, so any peer configured with the same
 * peers forms the same group; the storage is formatted on first start and recovered afterwards.
 */
public final class RaftNode implements AutoCloseable {
    /** How long one client attempt waits for the leader (see {@link #properties}). */
    static final Duration CLIENT_ATTEMPT = Duration.ofMillis(1000);

    /** The one group mvirt runs. */
    static final RaftGroupId GROUP_ID = RaftGroupId.valueOf(UUID.fromString("6d766972-742d-6170-692d-67726f757031"));

    private final RaftConfig config;
    private final RaftServer server;
    private final RaftClient client;
    private final MvirtStateMachine stateMachine;
    private final EventLog events;
    private final ExecutorService callbacks;
    private final LeaderWriter writer;
    private final LeaderReads reads;
    /** The leader's confirmed index for reads through this peer: one request at a time, shared by those waiting. */
    private final OneAtATime<Long> readIndexes;

    private final WriteBatcher batcher;
    private final CatchUp catchUp;
    /** Commits this follower learned from the leader's replies to its writes ({@link #committed}). */
    private final LongAdder replyCommits = new LongAdder();

    private RaftNode(
            RaftConfig config,
            RaftServer server,
            RaftClient client,
            MvirtStateMachine sm,
            EventLog events,
            ExecutorService callbacks,
            CommitPush.Appenders appenders,
            WriteBatcher.Stages stages) {
        this.config = config;
        this.server = server;
        this.client = client;
        this.stateMachine = sm;
        this.events = events;
        this.callbacks = callbacks;
        this.writer = new LeaderWriter(this, CLIENT_ATTEMPT);
        sm.leaderListener(writer::leaderChanged);
        sm.writerId(writer.clientId().toByteString());
        this.reads = new LeaderReads(() -> LeaderReads.Leadership.of(division()), appenders::followers, CLIENT_ATTEMPT);
        appenders.reads(reads);
        sm.readIndexes(reads::confirm);
        this.readIndexes =
                new OneAtATime<>(() -> writer.readIndex(config.requestTimeout()).thenApply(RaftStore::readIndex));
        this.catchUp = new CatchUp(config.id(), config.requestTimeout(), this::readIndex);
        Limits limits = config.limits();
        this.batcher = new WriteBatcher(
                data -> write(Message.valueOf(UnsafeByteOperations.unsafeWrap(data)), config.requestTimeout())
                        .thenApply(this::committed),
                // an entry this peer proposed and applied follows everything committed before it started
                index -> sm.waiters().outcome(index).thenApply(catchUp::pass),
                limits.batchInFlight(),
                limits.batchCommands(),
                limits.batchBytes(),
                stages);
    }

    /** Starts the peer: recovers its log and snapshot from {@code config.dataDir()} or formats a new one. */
    public static RaftNode start(RaftConfig config, Placer placer, MeterRegistry registry) {
        ExecutorService callbacks = Executors.newFixedThreadPool(
                2, Thread.ofPlatform().daemon().name("raft-callback-", 0).factory());
        int history = config.limits().eventHistory();
        EventLog events = new EventLog(history, history / 2);
        MvirtStateMachine sm = new MvirtStateMachine(
                placer,
                events,
                callbacks,
                new ApplyMetrics(registry),
                config.limits().keptOutcomes());
        CommitPush.Appenders appenders = new CommitPush.Appenders();
        sm.appliedListener(appenders::applied);
        FunctionCounter.builder("mvirt_raft_commit_heartbeats", appenders, a -> (double) a.heartbeats())
                .description("heartbeats sent to tell a follower of a commit (CommitPush)")
                .register(registry);
        Parameters parameters = new Parameters();
        parameters.put(CommitPush.APPENDERS, appenders, CommitPush.Appenders.class);
        RaftProperties props = properties(config);
        RaftGroup group = RaftGroup.valueOf(GROUP_ID, peers(config.peers()));
        try {
            boolean fresh =
                    !Files.exists(config.dataDir().resolve(GROUP_ID.getUuid().toString()));
            RaftServer server = RaftServer.newBuilder()
                    .setServerId(RaftPeerId.valueOf(config.id()))
                    .setGroup(group)
                    .setProperties(props)
                    .setStateMachine(sm)
                    .setParameters(parameters)
                    .setOption(fresh ? RaftStorage.StartupOption.FORMAT : RaftStorage.StartupOption.RECOVER)
                    .build();
            server.start();
            RaftClient client = RaftClient.newBuilder()
                    .setProperties(props)
                    .setRaftGroup(group)
                    .setParameters(parameters)
                    .setLeaderId(null)
                    .setRetryPolicy(clientRetries())
                    .build();
            RaftNode node = new RaftNode(
                    config, server, client, sm, events, callbacks, appenders, new WriteStageMetrics(registry));
            FunctionCounter.builder("mvirt_raft_reply_commits", node.replyCommits, LongAdder::doubleValue)
                    .description("commits this follower learned from the leader's reply to its own write")
                    .register(registry);
            node.catchUp.start();
            return node;
        } catch (IOException e) {
            callbacks.shutdownNow();
            throw new UncheckedIOException("cannot start Raft peer " + config.id() + " in " + config.dataDir(), e);
        }
    }

    /**
     * How the Ratis client retries what still goes through it (membership changes, leadership transfer, the
     * ReadIndex fallback): 50 ms doubling up to 1 s, 30 attempts (past the 10 s request timeout); a fixed 100 ms
     * sleep turned an election under load into thousands of attempts a second on 2 cores. Writes go through
     * {@link LeaderWriter}, which has its own backoff.
     */
    private static RetryPolicy clientRetries() {
        return ExponentialBackoffRetry.newBuilder()
                .setBaseSleepTime(millis(50))
                .setMaxSleepTime(millis(1000))
                .setMaxAttempts(30)
                .build();
    }

    static RaftProperties properties(RaftConfig c) {
        RaftProperties p = new RaftProperties();
        RaftConfigKeys.Rpc.setType(p, new CommitPush()); // gRPC; without metadata entries it tells followers of commits
        GrpcConfigKeys.Server.setPort(p, port(c.address()));
        GrpcConfigKeys.Server.setHost(p, host(c.address()));
        RaftServerConfigKeys.setStorageDir(p, List.of(c.dataDir().toFile()));
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, millis(c.electionMin().toMillis()));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, millis(c.electionMax().toMillis()));
        RaftServerConfigKeys.Rpc.setRequestTimeout(p, millis(c.requestTimeout().toMillis() / 2));
        // a peer that stepped down (a paused leader coming back) may stand for election again after one election
        // timeout, not Ratis's 10 s: with the current leader paused in those 10 s, the other peer had a shorter log,
        // lost every pre-vote to it, and the cluster had no leader until the paused one came back (a 5 s window)
        RaftServerConfigKeys.LeaderElection.setLeaderStepDownWaitTime(
                p, millis(c.electionMin().toMillis()));
        // one client attempt waits at most this long for its leader: a paused or cut-off leader costs about this
        // much before the next attempt (Ratis's 3 s default made SIGSTOP windows ~3 s); a slow attempt that is
        // retried joins the same pending entry through the leader's retry cache. LeaderWriter uses it too.
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, millis(CLIENT_ATTEMPT.toMillis()));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, c.snapshotEvery());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
        RaftServerConfigKeys.Log.setPurgeGap(p, (int) Math.max(1, Math.min(Integer.MAX_VALUE, c.snapshotEvery() / 2)));
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(c.logSegmentBytes()));
        // an appender sends at once: Ratis's default waits until 1 ms has passed since its last send to that follower
        // (to gather entries; WriteBatcher gathers them already). With CommitPush's heartbeat after every commit, a
        // single client's next entry nearly always waited out that millisecond (README, "Raft timing")
        RaftServerConfigKeys.Log.Appender.setWaitTimeMin(p, TimeDuration.ZERO);
        // Ratis keeps the entries of this many log segments in memory (Limits.cachedSegments; README, "Raft timing")
        RaftServerConfigKeys.Log.setSegmentCacheNumMax(p, c.limits().cachedSegments());
        // a metadata entry (the commit index) after each commit is one more entry every peer appends, syncs and
        // replicates; off by default (RaftConfig.withLogMetadata): CommitPush and the catch-up gate do its work
        RaftServerConfigKeys.Log.setLogMetadataEnabled(p, c.logMetadata());
        // Ratis's own ReadIndex now serves only Ratis read requests from peers of an earlier version; this version's
        // linearizable reads go through LeaderReads (Ratis 3.3's skips the followers when its commit index has not
        // moved)
        RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        RaftServerConfigKeys.Read.setTimeout(p, millis(c.requestTimeout().toMillis()));
        overrides(p);
        return p;
    }

    /** Ratis keys given as JVM system properties ({@code -Draft.server.…=…}) win over the settings above (tuning). */
    private static void overrides(RaftProperties p) {
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("raft."))
                .forEach(k -> p.set(k, System.getProperty(k, "")));
    }

    private static TimeDuration millis(long ms) {
        return TimeDuration.valueOf(ms, TimeUnit.MILLISECONDS);
    }

    static List<RaftPeer> peers(Map<String, String> peers) {
        List<RaftPeer> out = new ArrayList<>();
        peers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(RaftPeer.newBuilder()
                        .setId(e.getKey())
                        .setAddress(e.getValue())
                        .build()));
        return out;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private static String host(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    /** Tells {@code listener} of every command applied from now on (set before traffic starts). */
    public void listen(ApplyListener listener) {
        stateMachine.listener(listener);
    }

    /** True while this peer is the leader. */
    public boolean isLeader() {
        try {
            return division().getInfo().isLeader();
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    RaftConfig config() {
        return config;
    }

    RaftServer server() {
        return server;
    }

    RaftClient client() {
        return client;
    }

    /**
     * Commits {@code entry} (an encoded envelope) with the writes queued beside it ({@link WriteBatcher}, one per
     * peer) and completes with its outcome once this peer has applied it. Completing the future early withdraws a
     * write not yet proposed.
     */
    CompletableFuture<Outcome> propose(byte[] entry) {
        return batcher.submit(entry);
    }

    /** Whether this peer has caught up with the group since it started ({@link CatchUp}); one volatile read. */
    boolean caughtUp() {
        return catchUp.passed();
    }

    /**
     * A linearizable read's index: the leader's commit index when a round that started after the read reached it
     * was confirmed by a majority ({@link LeaderReads}; asked of the leader this peer knows, tried again until the request timeout, {@link
     * LeaderWriter#readIndex}; reads that arrive while this peer's request is out share the next one). Completes once
     * this peer has applied that index, and marks it caught up.
     */
    CompletableFuture<Long> readIndex() {
        return readIndexes
                .get()
                .thenCompose(index -> stateMachine.waiters().reached(index))
                .thenApply(catchUp::pass);
    }

    /**
     * Submits {@code request} to this peer's own Ratis server on the calling thread. {@code RaftServer}'s
     * {@code submitClientRequestAsync} hands each request to Ratis's client executor and blocks the caller until it
     * was submitted there (two thread hand-offs per write and linearizable read); the division itself takes it
     * directly. Falls back to the server's method if the division does not offer the client protocol. Never throws:
     * a peer that is not running (yet, or any more) fails the future.
     */
    CompletableFuture<RaftClientReply> submitHere(RaftClientRequest request) {
        return Futures.attempt(() -> division() instanceof RaftClientAsynchronousProtocol direct
                ? direct.submitClientRequestAsync(request)
                : server.submitClientRequestAsync(request));
    }

    /**
     * The index of the entry a successful write reply names. On a follower, the reply's {@link CommitNote} also
     * raises this peer's commit index to that entry when its log holds it ({@link FollowerCommits}), so it applies
     * the entry now rather than when the leader next tells it the commit index.
     */
    private long committed(RaftClientReply reply) {
        CommitNote note = CommitNote.of(reply);
        if (note.hasTerm()) {
            try {
                if (FollowerCommits.learn(division(), note.index(), note.term())) {
                    replyCommits.increment();
                }
            } catch (UncheckedIOException e) {
                // not running any more: the write is committed all the same
            }
        }
        return note.index();
    }

    /** Commits {@code msg} through the leader this peer knows ({@link LeaderWriter}), within {@code timeout}. */
    CompletableFuture<RaftClientReply> write(Message msg, Duration timeout) {
        return writer.write(msg, timeout);
    }

    /** The leader this peer's server knows now, if any (none while an election runs). */
    Optional<RaftPeerId> leaderId() {
        try {
            return Optional.ofNullable(division().getInfo().getLeaderId());
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Commits this follower learned from the leader's replies to its own writes (a metric; tests). */
    long replyCommits() {
        return replyCommits.sum();
    }

    MvirtStateMachine stateMachine() {
        return stateMachine;
    }

    EventLog events() {
        return events;
    }

    RaftServer.Division division() {
        try {
            return server.getDivision(GROUP_ID);
        } catch (IOException e) {
            throw new UncheckedIOException("Raft group not running on " + config.id(), e);
        }
    }

    /** Stops the client and the server (about a second: Ratis closes its RPC gracefully). */
    @Override
    public void close() {
        catchUp.stop();
        try {
            client.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("error stopping Raft peer " + config.id(), e);
        } finally {
            callbacks.shutdownNow();
        }
    }
}
