package dev.mvirt.api.grpc;

/**
 * Who may join the cluster and how a joined node proves who it is: a join token is exchanged at {@code Register}
 * for a per-node credential that every later call presents. Implementations are thread-safe and answer from
 * memory (every API server must be able to check a credential without asking another).
 *
 * <p>{@link ClusterJoinAuthority} is the server's: join tokens and the node secret live in the replicated settings.
 * {@link StaticJoinToken} alone (one token, credentials derived from it) serves tests and stand-alone use.
 */
public interface JoinAuthority {

    /** True when {@code token} may join a node. */
    boolean acceptsJoinToken(String token);

    /** The credential of {@code nodeId}, handed out at registration. */
    String credentialFor(String nodeId);

    /** True when {@code credential} is the one issued to {@code nodeId} and has not been revoked. */
    boolean verify(String nodeId, String credential);
}
