package dev.mvirt.api.raft;

import dev.mvirt.api.store.StoreException;
import java.nio.ByteBuffer;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * The index and term of an applied write entry, which the state machine puts in its reply ({@link
 * MvirtStateMachine#applyTransaction}): the leader's reply to a follower's write then tells that follower its entry is
 * committed, so it can apply it without waiting for the leader to send it the commit index ({@link
 * org.apache.ratis.server.impl.FollowerCommits}). 16 bytes: index, then term, big-endian. A reply without it (a
 * leader from before this note) has term 0: the index comes from the reply, and the follower waits as before.
 */
record CommitNote(long index, long term) {
    private static final int SIZE = 16;

    /** The reply message for the entry at {@code index} of {@code term}. */
    static Message message(long index, long term) {
        byte[] bytes = new byte[SIZE];
        ByteBuffer.wrap(bytes).putLong(index).putLong(term);
        return Message.valueOf(UnsafeByteOperations.unsafeWrap(bytes)); // never written again: no copy
    }

    /**
     * The note in a successful write reply.
     *
     * @throws StoreException if the write was not committed
     */
    static CommitNote of(RaftClientReply reply) {
        RaftStore.requireSuccess(reply);
        ByteString content = reply.getMessage() == null
                ? ByteString.EMPTY
                : reply.getMessage().getContent();
        if (content.size() != SIZE) {
            return new CommitNote(reply.getLogIndex(), 0);
        }
        ByteBuffer b = content.asReadOnlyByteBuffer();
        return new CommitNote(b.getLong(), b.getLong());
    }

    /** Whether the note names the entry's term (so a follower may trust it). */
    boolean hasTerm() {
        return term > 0;
    }
}
