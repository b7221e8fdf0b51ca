package dev.mvirt.api.raft;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.protocol.exceptions.NotLeaderException;
import org.apache.ratis.protocol.exceptions.TimeoutIOException;
import org.junit.jupiter.api.Test;

class LeaderWriterTest {
    private static final RaftGroupMemberId MEMBER =
            RaftGroupMemberId.valueOf(RaftPeerId.valueOf("api1"), RaftGroupId.randomId());

    @Test
    void transportFailuresReplaceTheConnection() {
        assertTrue(LeaderWriter.brokenConnection(new IOException("UNAVAILABLE: io exception")));
        assertTrue(LeaderWriter.brokenConnection(new TimeoutException("attempt timed out")));
        assertTrue(LeaderWriter.brokenConnection(new TimeoutIOException("deadline")));
        assertTrue(LeaderWriter.brokenConnection(new AlreadyClosedException("stream closed")));
    }

    @Test
    void answersFromALiveServerKeepTheConnection() {
        assertFalse(LeaderWriter.brokenConnection(new LeaderNotReadyException(MEMBER)));
        assertFalse(LeaderWriter.brokenConnection(new NotLeaderException(MEMBER, null, java.util.List.of())));
    }
}
