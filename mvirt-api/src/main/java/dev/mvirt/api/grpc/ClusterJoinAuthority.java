package dev.mvirt.api.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.api.auth.JoinToken;
import dev.mvirt.api.auth.NodeCredentials;
import dev.mvirt.api.auth.SecretBook;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link JoinAuthority} over the replicated state: a host may join with a live join token created through the
 * API ({@code /api/v1/join-tokens}) or with a bootstrap token ({@code --join-token-file}); its credential is derived
 * from the cluster's node secret and its own generation ({@link NodeCredentials}), not from the join token, so
 * revoking a join token refuses new hosts while joined ones keep working. Answers from this peer's copy of the state.
 */
public final class ClusterJoinAuthority implements JoinAuthority {
    private final DataStore store;
    private final List<StaticJoinToken> bootstrap;
    private final Clock clock;
    private final SecretBook<JoinToken> tokens = JoinToken.book(new ObjectMapper());

    /** Accepts API-created join tokens and any of the {@code bootstrap} tokens. */
    public ClusterJoinAuthority(DataStore store, List<StaticJoinToken> bootstrap, Clock clock) {
        this.store = store;
        this.bootstrap = List.copyOf(bootstrap);
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException (UNAVAILABLE to the agent, which retries) while the cluster has no node secret yet, so
     *     no credential could be handed out
     */
    @Override
    public boolean acceptsJoinToken(String token) {
        if (!NodeCredentials.hasSecret(store.read())) {
            throw new StoreException("the cluster is not bootstrapped yet (no node secret); retry");
        }
        boolean viaBootstrap = bootstrap.stream().anyMatch(b -> b.acceptsJoinToken(token));
        return viaBootstrap
                || tokens.authenticate(store.read(), token, clock.millis()).isPresent();
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException while the cluster has no node secret ({@link #acceptsJoinToken} refuses first)
     */
    @Override
    public String credentialFor(String nodeId) {
        return NodeCredentials.credential(store.read(), nodeId)
                .orElseThrow(() -> new StoreException("the cluster is not bootstrapped yet (no node secret); retry"));
    }

    @Override
    public boolean verify(String nodeId, String credential) {
        return NodeCredentials.verify(store.read(), nodeId, credential);
    }

    /**
     * Creates the cluster's node secret when it has none; call on the leader after a linearizable read (as the admin
     * token bootstrap does). Returns true when it created it.
     *
     * @throws StoreException when the cluster cannot commit
     */
    public static boolean ensureNodeSecret(DataStore store) {
        if (NodeCredentials.hasSecret(store.read())) {
            return false;
        }
        try {
            var outcome = store.submit(NodeCredentials.createSecret(), Caller.system())
                    .get(30, TimeUnit.SECONDS);
            if (!outcome.result().ok()) {
                throw new IllegalStateException("the state refused the node secret: " + outcome.result());
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while creating the node secret", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("cannot create the node secret", e);
        }
    }
}
