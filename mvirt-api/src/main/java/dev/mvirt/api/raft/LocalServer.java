package dev.mvirt.api.raft;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Hands linearizable reads (ReadIndex) straight to this peer's own Ratis server, without the gRPC round trip through
 * the Ratis client to itself. Each request has its own call id under one client id. Writes still go through the
 * client: a leader that steps down answers its pending writes NotLeader although they may still commit, and only the
 * client's retry (same call id, caught by the retry cache) re-sends them without applying them twice.
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
        RaftClientRequest request = RaftClientRequest.newBuilder()
                .setClientId(clientId)
                .setServerId(self)
                .setGroupId(RaftNode.GROUP_ID)
                .setCallId(callIds.incrementAndGet())
                .setMessage(msg)
                .setType(type)
                .build();
        try {
            return node.server().submitClientRequestAsync(request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
