package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class WriterIdsTest {
    @Test
    void aLogEntrysClientIdNamesThePeerThatProposedIt() {
        ClientId id = WriterIds.forPeer("api2");
        assertThat(WriterIds.peerKey(id.toByteString())).isEqualTo(WriterIds.peerKey("api2"));
        assertThat(WriterIds.peerKey("api2")).isNotEqualTo(WriterIds.peerKey("api3"));
    }

    @Test
    void eachStartOfAPeerWritesUnderANewClientId() {
        // the retry cache is keyed by client id and call id; call ids start at 1 again after a restart
        assertThat(WriterIds.forPeer("api1")).isNotEqualTo(WriterIds.forPeer("api1"));
    }

    @Test
    void otherClientIdsNameNoPeer() {
        assertThat(WriterIds.peerKey(ByteString.EMPTY)).isZero();
        assertThat(WriterIds.peerKey(ClientId.randomId().toByteString())).isNotEqualTo(WriterIds.peerKey("api1"));
    }
}
