package dev.mvirt.api.raft;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * The Ratis client ids peers write with ({@link LeaderWriter}): the high 64 bits name the peer (a hash of its id), the
 * low 64 bits are random for each start. So the leader can tell from a log entry's client id which peer proposed it
 * ({@link CommitPush} tells that peer of the commit at once), while the leader's retry cache, keyed by client id and
 * call id, never mistakes a restarted peer's writes (call ids start again at 1) for the ones before its restart.
 */
final class WriterIds {
    private WriterIds() {}

    /** A fresh client id for the writer of peer {@code peerId}. */
    static ClientId forPeer(String peerId) {
        return ClientId.valueOf(
                new UUID(peerKey(peerId), ThreadLocalRandom.current().nextLong()));
    }

    /** The key of peer {@code peerId}: the high 64 bits of every client id {@link #forPeer} gives it. */
    static long peerKey(String peerId) {
        return UUID.nameUUIDFromBytes(("mvirt-writer/" + peerId).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }

    /** The peer key in a client id as a log entry carries it (16 bytes, high bits first); 0 if it is not one. */
    static long peerKey(ByteString clientId) {
        return clientId.size() == 16 ? clientId.asReadOnlyByteBuffer().getLong() : 0;
    }
}
