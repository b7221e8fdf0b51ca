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
 * Hands requests straight to this peer's own Ratis server, without the gRPC round trip through the Ratis client:
 * writes when this peer leads, linearizable reads (ReadIndex) on any peer. Each request has its own call id under one
 * client id, so Ratis's retry cache never confuses two of them. A write that this server refuses because it does not
 * lead (or is not ready to) was never appended, so the caller may send it again through the client.
 */
final class LocalServer {
    private final RaftNode node;
    private final ClientId clientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();

    LocalServer(RaftNode node) {
        this.node = node;
    }

    /** Appends {@code msg} through this peer's server (only sensible while it leads). */
    CompletableFuture<RaftClientReply> write(Message msg) {
        return send(msg, RaftClientRequest.writeRequestType());
    }

    /** A linearizable read through this peer's server: completes once ReadIndex is confirmed and applied here. */
    CompletableFuture<RaftClientReply> read(Message msg) {
        return send(msg, RaftClientRequest.readRequestType());
    }

    /** True when the reply says the request was not taken because this server does not lead. */
    static boolean notTaken(RaftClientReply reply) {
        return !reply.isSuccess()
                && (reply.getNotLeaderException() != null
                        || reply.getLeaderNotReadyException() != null
                        || reply.getLeaderSteppingDownException() != null);
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
