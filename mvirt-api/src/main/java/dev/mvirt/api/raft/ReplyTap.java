package dev.mvirt.api.raft;

import java.util.List;
import java.util.function.ObjLongConsumer;
import org.apache.ratis.proto.RaftProtos.AppendEntriesReplyProto;
import org.apache.ratis.proto.RaftProtos.AppendEntriesRequestProto;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.server.leader.FollowerInfo;
import org.apache.ratis.server.leader.LeaderState;
import org.apache.ratis.server.leader.LogAppender;
import org.apache.ratis.server.protocol.TermIndex;

/**
 * The leader state an appender ({@link CommitPush}) is built with: Ratis's own, plus a tap on the replies in which a
 * follower accepted the leader's term. Ratis's gRPC appender hands this method the SUCCESS and INCONSISTENCY replies
 * (a NOT_LEADER reply with a higher term makes the leader step down instead; one that still reaches here is not
 * passed on), with the call id of the request answered: the acknowledgements a linearizable read waits for ({@link LeaderReads}).
 */
final class ReplyTap implements LeaderState {
    private final LeaderState ratis;
    private final ObjLongConsumer<LogAppender> accepted;

    /** {@code accepted} gets the appender and the call id of each reply that accepted the leader's term. */
    ReplyTap(LeaderState ratis, ObjLongConsumer<LogAppender> accepted) {
        this.ratis = ratis;
        this.accepted = accepted;
    }

    @Override
    public void onAppendEntriesReply(LogAppender appender, AppendEntriesReplyProto reply) {
        ratis.onAppendEntriesReply(appender, reply);
        if (reply.getResult() != AppendEntriesReplyProto.AppendResult.NOT_LEADER) {
            accepted.accept(appender, reply.getServerReply().getCallId());
        }
    }

    @Override
    public void restart(LogAppender appender) {
        ratis.restart(appender);
    }

    @Override
    public AppendEntriesRequestProto newAppendEntriesRequestProto(
            FollowerInfo follower, List<LogEntryProto> entries, TermIndex previous, long callId) {
        return ratis.newAppendEntriesRequestProto(follower, entries, previous, callId);
    }

    @Override
    public void checkHealth(FollowerInfo follower) {
        ratis.checkHealth(follower);
    }

    @Override
    public boolean onFollowerTerm(FollowerInfo follower, long followerTerm) {
        return ratis.onFollowerTerm(follower, followerTerm);
    }

    @Override
    public void onFollowerCommitIndex(FollowerInfo follower, long commitIndex) {
        ratis.onFollowerCommitIndex(follower, commitIndex);
    }

    @Override
    public void onFollowerSuccessAppendEntries(FollowerInfo follower) {
        ratis.onFollowerSuccessAppendEntries(follower);
    }

    @Override
    public boolean isFollowerBootstrapping(FollowerInfo follower) {
        return ratis.isFollowerBootstrapping(follower);
    }
}
