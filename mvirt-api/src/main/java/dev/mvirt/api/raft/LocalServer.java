package dev.mvirt.api.raft;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Hands linearizable reads (ReadIndex) straight to this peer's own Ratis server, without the gRPC round trip through
 * the Ratis client to itself. Each request has its own call id under one client id. Writes go through
 * {@link LeaderWriter}, which builds its requests with {@link #request} too.
 */
final class LocalServer {
    private final RaftNode node;
    private final ClientId clientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();

    LocalServer(RaftNode node) {
        this.node = node;
    }

    /** A linearizable read through this peer's server: completes once ReadIndex is confirmed and applied here. */
    CompletableFuture<RaftClientReply> read(Message msg) {
        return send(msg, RaftClientRequest.readRequestType());
    }

    private CompletableFuture<RaftClientReply> send(Message msg, RaftClientRequest.Type type) {
        RaftPeerId self = RaftPeerId.valueOf(node.config().id());
        return node.submitHere(request(clientId, self, callIds.incrementAndGet(), msg, type));
    }

    /** A request of {@code type} from {@code client}/{@code callId} to {@code server} in mvirt's group. */
    static RaftClientRequest request(
            ClientId client, RaftPeerId server, long callId, Message msg, RaftClientRequest.Type type) {
        return RaftClientRequest.newBuilder()
                .setClientId(client)
                .setServerId(server)
                .setGroupId(RaftNode.GROUP_ID)
                .setCallId(callId)
                .setMessage(msg)
                .setType(type)
                .build();
    }
}
