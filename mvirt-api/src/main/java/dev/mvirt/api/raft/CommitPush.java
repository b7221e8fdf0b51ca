package dev.mvirt.api.raft;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.grpc.server.GrpcLogAppender;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.rpc.RpcFactory;
import org.apache.ratis.rpc.RpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.leader.FollowerInfo;
import org.apache.ratis.server.leader.LeaderState;
import org.apache.ratis.server.leader.LogAppender;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;

/**
 * Ratis's gRPC transport with one addition, active when Ratis's log metadata entries are off: a follower that proposed
 * an entry hears of its commit as soon as the leader has made it, and every other follower within {@link
 * #TELL_WITHIN} (sooner under load: each append carries the commit index), not with the leader's next heartbeat.
 *
 * <p>Why: without log metadata entries (each commit appends one more entry that every peer syncs and replicates;
 * {@link RaftConfig#withLogMetadata}) writes are cheaper, but those entries were how followers learned the commit
 * index promptly: Ratis 3.3's appender sends nothing between heartbeats (150 ms) when it has no entry to send, even
 * when the follower's commit index is behind. A write through a follower waits until that follower has applied it, so
 * a single client writing through a follower waited up to a heartbeat per write (6 writes/s). Here an appender sends
 * a heartbeat (which carries the commit index) when its follower can apply more than it was last told ({@link
 * #decide}): the leader calls {@link Appenders#applied} after applying an entry, with the client id that proposed it
 * ({@link WriterIds} names the peer), and the appender checks again after every reply from its follower (a follower
 * whose own append finished after the commit). A heartbeat to every follower after every commit (until session 13)
 * was half the RPCs the leader sent under load. Since session 14 a proposer that already holds its entry learns of
 * the commit from the reply to its write ({@link CommitNote}), so it is pushed to only if it acknowledged the entry
 * after the commit (or, like any follower, within {@link #TELL_WITHIN} when no append tells it first).
 *
 * <p>The appenders are also what a linearizable read is confirmed with ({@link LeaderReads}): each is built with a
 * {@link ReplyTap} and keeps the highest call id its follower accepted.
 *
 * <p>Set as the RPC type by class name ({@code raft.rpc.type}); the leader's appenders are found through the
 * {@link Appenders} given in the server's Parameters.
 */
public final class CommitPush implements RpcType {
    /** The Parameters key of the {@link Appenders} of a server. */
    static final String APPENDERS = "mvirt.commit-push.appenders";

    /** Instantiated by Ratis from the class name. */
    public CommitPush() {}

    @Override
    public String name() {
        return CommitPush.class.getName();
    }

    @Override
    public RpcFactory newFactory(Parameters parameters) {
        return new Factory(parameters);
    }

    /** The appenders this peer runs while it leads (one per follower), and who proposed what it applied. */
    static final class Appenders {
        private final Set<Appender> live = ConcurrentHashMap.newKeySet();
        /** Peer key ({@link WriterIds}) → the highest index applied here that the peer proposed. */
        private final ConcurrentHashMap<Long, Long> proposed = new ConcurrentHashMap<>();

        private final LongAdder heartbeats = new LongAdder();

        /** Told of each accepted reply and each stopped appender; set once at start-up. */
        private volatile @org.jspecify.annotations.Nullable LeaderReads reads;

        /** Tells {@code r} of every reply that accepted this leader's term and every appender that stopped. */
        void reads(LeaderReads r) {
            this.reads = r;
        }

        /** The appenders running on this peer (those of an earlier term may still be among them, briefly). */
        java.util.Collection<? extends LeaderReads.Follower> followers() {
            return live;
        }

        /**
         * This peer applied the entry at {@code index}, proposed with client id {@code proposer} (empty for
         * Ratis's own entries): every follower that can apply more than it was told hears it soon ({@link
         * #decide}). The proposer, if a follower, learns of it from the reply to its write ({@link CommitNote}) if it
         * holds the entry now; if it does not yet, it is told at once when it does.
         */
        void applied(ByteString proposer, long index) {
            long key = WriterIds.peerKey(proposer);
            for (Appender a : live) {
                if (!a.push) {
                    continue;
                }
                if (key != 0 && a.peerKey == key && !replyTells(a.getFollower().getMatchIndex(), index)) {
                    proposed.merge(key, index, Math::max); // only the proposer's own appender reads it
                }
                a.commitMoved();
            }
        }

        /**
         * The highest index applied here that the peer with key {@code peerKey} proposed and did not hold when it
         * was applied (0: none).
         */
        long proposedBy(long peerKey) {
            return proposed.getOrDefault(peerKey, 0L);
        }

        /** Heartbeats this peer's appenders sent to tell a follower of a commit (a metric). */
        long heartbeats() {
            return heartbeats.sum();
        }
    }

    /** What an appender does when the leader's commit index may have moved past what its follower knows. */
    enum Push {
        /** Nothing: the follower knows, was told, or the next append (already waiting) tells it. */
        NONE,
        /**
         * A heartbeat now: the follower proposed an entry it can now apply but did not hold when the reply to its
         * write went out, and answers its writer once applied.
         */
        NOW,
        /** A heartbeat within {@link #TELL_WITHIN}, unless an append tells it first. */
        LATER
    }

    /**
     * How long a follower that waits for none of its own writes may stay unaware of a commit when no append carries
     * the news: an idle follower's local reads and watch streams lag by at most this (plus the heartbeat's trip); a
     * busy one learns each commit with the next append, so no such heartbeat is sent. A heartbeat for every commit to
     * every follower cost writes through the leader 16-22 % of their throughput (README, "Raft timing").
     */
    static final Duration TELL_WITHIN = Duration.ofMillis(10);

    /**
     * The decision for one follower: {@code applicable} is the highest index it holds that is committed, {@code
     * known} the highest commit index it knows or was already told, {@code appendWaiting} whether an append to it is
     * waiting to be sent, {@code proposed} the highest index it proposed that the leader applied before it held it
     * (one it held then, it learns of from the reply to its write, {@link #replyTells}). Only the
     * follower's latest proposal is tracked: with more than one entry of a follower in flight ({@code
     * --limit batch-in-flight}), an earlier one may wait up to {@link #TELL_WITHIN}.
     */
    static Push decide(long applicable, long known, boolean appendWaiting, long proposed) {
        if (applicable <= known || appendWaiting) {
            return Push.NONE;
        }
        return proposed > known && proposed <= applicable ? Push.NOW : Push.LATER;
    }

    /**
     * Whether the reply to a follower's write tells it of the commit of its entry at {@code index}: the follower
     * holds the entry ({@code matchIndex}, as the leader knows it, reaches it), so it can raise its own commit index
     * to it ({@link org.apache.ratis.server.impl.FollowerCommits}). A follower that acknowledges the entry only
     * later is told by a heartbeat then ({@link Push#NOW}).
     */
    static boolean replyTells(long matchIndex, long index) {
        return matchIndex >= index;
    }

    /**
     * The next index to send a follower that answered INCONSISTENCY with {@code replyNextIndex}: Ratis's choice
     * ({@code ratis}), unless the follower's log ends at or below the leader's match index for it ({@code
     * matchIndex}), when the follower is believed.
     */
    static long resumeAt(long ratis, long replyNextIndex, long matchIndex) {
        return replyNextIndex > 0 && replyNextIndex <= matchIndex ? replyNextIndex : ratis;
    }

    private static final class Factory extends GrpcFactory {
        private final Appenders appenders;

        Factory(Parameters parameters) {
            super(parameters);
            Appenders a = parameters == null ? null : parameters.get(APPENDERS, Appenders.class);
            this.appenders = a == null ? new Appenders() : a; // a client-only factory has none
        }

        @Override
        public LogAppender newLogAppender(RaftServer.Division server, LeaderState leader, FollowerInfo follower) {
            return new Appender(server, leader, follower, appenders);
        }
    }

    private static final class Appender extends GrpcLogAppender implements LeaderReads.Follower {
        private final Appenders appenders;
        /** The leader term this appender serves. */
        private final long term;
        /** The highest call id of a reply that accepted this leader's term ({@link ReplyTap}); -1 until one. */
        private final AtomicLong accepted = new AtomicLong(-1);

        private volatile boolean stopped;
        /** The highest commit index a heartbeat was triggered for. */
        private final AtomicLong told = new AtomicLong();
        /** Whether a heartbeat within {@link #TELL_WITHIN} is scheduled. */
        private final AtomicBoolean laterScheduled = new AtomicBoolean();
        /** The follower's key in {@link WriterIds}. */
        private final long peerKey;
        /** Whether this appender pushes commits (log metadata entries off). */
        private volatile boolean push;

        Appender(RaftServer.Division server, LeaderState leader, FollowerInfo follower, Appenders appenders) {
            super(server, new ReplyTap(leader, (a, callId) -> ((Appender) a).accepted(callId)), follower);
            this.appenders = appenders;
            this.term = server.getInfo().getCurrentTerm(); // Ratis builds a leader's appenders as it takes office
            this.peerKey = WriterIds.peerKey(follower.getId().toString());
        }

        @Override
        public void start() {
            // with metadata entries on, each commit appends an entry that carries the commit index anyway
            push = !RaftServerConfigKeys.Log.logMetadataEnabled(
                    getServer().getRaftServer().getProperties());
            appenders.live.add(this);
            super.start();
        }

        @Override
        public CompletableFuture<LifeCycle.State> stopAsync() {
            stopped = true;
            appenders.live.remove(this);
            LeaderReads r = appenders.reads;
            if (r != null) {
                r.stopped();
            }
            return super.stopAsync();
        }

        private void accepted(long callId) {
            accepted.accumulateAndGet(callId, Math::max);
            LeaderReads r = appenders.reads;
            if (r != null) {
                r.accepted();
            }
        }

        @Override
        public RaftPeerId id() {
            return getFollowerId();
        }

        @Override
        public long term() {
            return term;
        }

        @Override
        public long nextCallId() {
            return getCallId();
        }

        @Override
        public long accepted() {
            return accepted.get();
        }

        @Override
        public boolean running() {
            return !stopped && isRunning();
        }

        /**
         * Tells the follower of the commit now, later or not at all ({@link #decide}): at once if it holds a committed
         * entry it proposed and was not told of, within {@link #TELL_WITHIN} if it holds other committed entries it
         * was not told of, never when an append is waiting to be sent (it carries the commit index).
         */
        void commitMoved() {
            switch (decision()) {
                case NOW -> heartbeat();
                case LATER -> {
                    if (laterScheduled.compareAndSet(false, true)) {
                        long knownNow = known();
                        CompletableFuture.delayedExecutor(TELL_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                                .execute(() -> later(knownNow));
                    }
                }
                case NONE -> {}
            }
        }

        /**
         * {@link #TELL_WITHIN} after a commit the follower was not told of: if appends told it of newer commits
         * meanwhile (it is busy, and the next append carries the rest), waits another {@link #TELL_WITHIN};
         * otherwise tells it now.
         */
        private void later(long knownThen) {
            laterScheduled.set(false);
            if (!appenders.live.contains(this)) {
                return;
            }
            Push now = decision();
            if (now == Push.NOW || (now == Push.LATER && known() <= knownThen)) {
                heartbeat();
            } else if (now == Push.LATER) {
                commitMoved();
            }
        }

        /** The highest commit index the follower knows or was told. */
        private long known() {
            return Math.max(getFollower().getCommitIndex(), told.get());
        }

        /** The highest index the follower holds that is committed. */
        private long applicable() {
            return Math.min(getRaftLog().getLastCommittedIndex(), getFollower().getMatchIndex());
        }

        private Push decision() {
            return decide(applicable(), known(), hasAppendEntries(), appenders.proposedBy(peerKey));
        }

        private void heartbeat() {
            long applicable = applicable();
            if (told.getAndAccumulate(applicable, Math::max) < applicable) {
                appenders.heartbeats.increment();
                triggerHeartbeat();
            }
        }

        /**
         * Where to resume after the follower answered INCONSISTENCY. Ratis never goes below its match index + 1 for
         * this follower, but in Ratis 3.3 a successful heartbeat reply can raise the match index to the follower's
         * log end including entries it has not yet written to disk (RATIS-2605); a follower killed then restarts
         * with a shorter log, answers "next index 1851" to a leader that will not go below 1854, and never catches
         * up (seen once in RobustnessIT: a peer not ready for a minute, every heartbeat refused). A follower that
         * says its log ends below what the leader believes it holds is believed.
         */
        @Override
        protected long getNextIndexForInconsistency(long requestFirstIndex, long replyNextIndex) {
            return resumeAt(
                    super.getNextIndexForInconsistency(requestFirstIndex, replyNextIndex),
                    replyNextIndex,
                    getFollower().getMatchIndex());
        }

        /** The appender's loop asks this after every wake-up, including each reply from the follower. */
        @Override
        public boolean shouldSendAppendEntries() {
            if (push) {
                commitMoved();
            }
            return super.shouldSendAppendEntries();
        }
    }
}
