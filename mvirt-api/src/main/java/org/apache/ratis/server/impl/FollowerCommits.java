package org.apache.ratis.server.impl;

import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;

/**
 * mvirt's one reach into Ratis's server internals (hence this package): lets a follower raise its commit index to an
 * entry the leader's reply to this follower's own write said is committed, and wakes its apply thread, as the
 * follower's append handler does with the commit index an append carries. Ratis 3.3 offers no public way; the
 * methods used are package-private ({@code ServerState.updateCommitIndex}): a Ratis upgrade that moves them fails to
 * compile here, and {@code RaftStoreIT.followerAnswersItsWritesWithoutWaitingForAHeartbeat} checks that a follower
 * does learn commits this way.
 */
public final class FollowerCommits {
    private FollowerCommits() {}

    /**
     * Raises {@code division}'s commit index to {@code index} if it is a follower whose log holds the entry at
     * {@code index} in {@code term}: that entry is the committed one (two logs with the same term at an index are
     * the same up to it), so everything up to it is committed too and can never be truncated. The index is capped
     * at what the follower has written to disk. Answers whether the commit index now covers {@code index}.
     */
    public static boolean learn(RaftServer.Division division, long index, long term) {
        if (!(division instanceof RaftServerImpl server) || !server.getInfo().isFollower()) {
            return false;
        }
        ServerState state = server.getState();
        TermIndex held = state.getLog().getTermIndex(index);
        if (held == null || held.getTerm() != term) {
            return false;
        }
        state.updateCommitIndex(index, state.getCurrentTerm(), false); // wakes the apply thread when it moved
        return state.getLog().getLastCommittedIndex() >= index;
    }
}
