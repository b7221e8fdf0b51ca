package dev.mvirt.api.raft;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.grpc.server.GrpcLogAppender;
import org.apache.ratis.rpc.RpcFactory;
import org.apache.ratis.rpc.RpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.leader.FollowerInfo;
import org.apache.ratis.server.leader.LeaderState;
import org.apache.ratis.server.leader.LogAppender;
import org.apache.ratis.util.LifeCycle;

/**
 * Ratis's gRPC transport with one addition, active when Ratis's log metadata entries are off: a follower hears of a
 * commit as soon as the leader has made it, not with the leader's next entry or heartbeat.
 *
 * <p>Why: without log metadata entries (each commit appends one more entry that every peer syncs and replicates;
 * {@link RaftConfig#withLogMetadata}) writes are cheaper, but those entries were how followers learned the commit
 * index promptly: Ratis 3.3's appender sends nothing between heartbeats (150 ms) when it has no entry to send, even when the follower's
 * commit index is behind. A write through a follower waits until that follower has applied it, so a single client
 * writing through a follower waited up to a heartbeat per write (6 writes/s). Here each appender sends a heartbeat
 * (which carries the commit index) once the follower can apply more than it was last told: the leader calls
 * {@link Appenders#commitMoved} after applying an entry, and the appender checks again after every reply from its
 * follower (a follower whose own append finished after the commit).
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

    /** The appenders this peer runs while it leads (one per follower). */
    static final class Appenders {
        private final Set<Appender> live = ConcurrentHashMap.newKeySet();

        /** The leader's commit index moved: every follower that can apply more than it was told hears it now. */
        void commitMoved() {
            for (Appender a : live) {
                a.commitMoved();
            }
        }
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

    private static final class Appender extends GrpcLogAppender {
        private final Appenders appenders;
        /** The highest commit index a heartbeat was triggered for. */
        private final AtomicLong told = new AtomicLong();
        /** Whether this appender pushes commits (log metadata entries off). */
        private volatile boolean push;

        Appender(RaftServer.Division server, LeaderState leader, FollowerInfo follower, Appenders appenders) {
            super(server, leader, follower);
            this.appenders = appenders;
        }

        @Override
        public void start() {
            // with metadata entries on, each commit appends an entry that carries the commit index anyway
            push = !RaftServerConfigKeys.Log.logMetadataEnabled(
                    getServer().getRaftServer().getProperties());
            if (push) {
                appenders.live.add(this);
            }
            super.start();
        }

        @Override
        public CompletableFuture<LifeCycle.State> stopAsync() {
            appenders.live.remove(this);
            return super.stopAsync();
        }

        /**
         * Triggers a heartbeat if the follower holds committed entries it was not told are committed, and no entry
         * is waiting to be sent to it (the next append carries the commit index anyway: under load, no extra RPC).
         */
        void commitMoved() {
            FollowerInfo f = getFollower();
            long applicable = Math.min(getRaftLog().getLastCommittedIndex(), f.getMatchIndex());
            if (applicable > f.getCommitIndex()
                    && !hasAppendEntries()
                    && told.getAndAccumulate(applicable, Math::max) < applicable) {
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
