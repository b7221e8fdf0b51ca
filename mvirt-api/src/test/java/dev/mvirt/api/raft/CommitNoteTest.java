package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.api.store.StoreException;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.NotLeaderException;
import org.junit.jupiter.api.Test;

class CommitNoteTest {
    private static final RaftGroupMemberId LEADER =
            RaftGroupMemberId.valueOf(RaftPeerId.valueOf("api1"), RaftGroupId.randomId());

    @Test
    void aReplyCarriesTheEntrysIndexAndTerm() {
        CommitNote n = CommitNote.of(reply(CommitNote.message(1_234_567_890_123L, 7), 1_234_567_890_123L));
        assertThat(n).isEqualTo(new CommitNote(1_234_567_890_123L, 7));
        assertThat(n.hasTerm()).isTrue();
    }

    @Test
    void aReplyWithoutANoteGivesTheReplysIndexAndNoTerm() {
        // a leader from before the note: the follower waits for the commit index as before
        CommitNote n = CommitNote.of(reply(Message.EMPTY, 42));
        assertThat(n).isEqualTo(new CommitNote(42, 0));
        assertThat(n.hasTerm()).isFalse();
    }

    @Test
    void aFailedReplyIsRefused() {
        RaftClientReply failed = RaftClientReply.newBuilder()
                .setClientId(ClientId.randomId())
                .setServerId(LEADER)
                .setCallId(1)
                .setException(new NotLeaderException(LEADER, null, java.util.List.of()))
                .build();
        assertThatThrownBy(() -> CommitNote.of(failed))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not committed: NotLeaderException");
    }

    private static RaftClientReply reply(Message m, long index) {
        return RaftClientReply.newBuilder()
                .setClientId(ClientId.randomId())
                .setServerId(LEADER)
                .setCallId(1)
                .setSuccess()
                .setMessage(m)
                .setLogIndex(index)
                .build();
    }
}
