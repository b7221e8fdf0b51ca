package dev.mvirt.api.auth;

import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-node credentials: HMAC-SHA256(cluster node secret, node id and generation). The node secret is generated once
 * (setting {@link #SECRET_KEY}, written by the leader at bootstrap); a node's generation ({@code nodecred.ID},
 * default 0) is raised to revoke that node's credential alone. Join tokens play no part, so revoking a join token
 * leaves joined nodes working. Any API server verifies a credential from its own copy of the settings.
 */
public final class NodeCredentials {
    /** The setting holding the cluster's node secret (32 random bytes, base64url). */
    public static final String SECRET_KEY = "cluster.nodeSecret";
    /** The prefix of per-node generations. */
    public static final String GENERATION_PREFIX = "nodecred.";

    private static final SecureRandom RANDOM = new SecureRandom();

    private NodeCredentials() {}

    /** Whether the cluster has its node secret yet. */
    public static boolean hasSecret(ClusterState s) {
        return s.settings().values().containsKey(SECRET_KEY);
    }

    /** The command creating a fresh node secret (submit it only when {@link #hasSecret} is false, on the leader). */
    public static Command createSecret() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return new Command.SetSettings(
                Map.of(SECRET_KEY, Base64.getUrlEncoder().withoutPadding().encodeToString(raw)));
    }

    /** The current credential of {@code nodeId}; empty while the cluster has no node secret. */
    public static Optional<String> credential(ClusterState s, String nodeId) {
        String secret = s.settings().values().get(SECRET_KEY);
        if (secret == null) {
            return Optional.empty();
        }
        return Optional.of(hmac(secret, "mvirt-node-credential:" + nodeId + ":" + generation(s, nodeId)));
    }

    /** True when {@code credential} is the current one of {@code nodeId} (constant-time). */
    public static boolean verify(ClusterState s, String nodeId, String credential) {
        return credential(s, nodeId)
                .map(c -> MessageDigest.isEqual(
                        c.getBytes(StandardCharsets.UTF_8), credential.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /** The command that revokes {@code nodeId}'s current credential (it must register again with a join token). */
    public static Command revoke(ClusterState s, String nodeId) {
        return new Command.SetSettings(Map.of(GENERATION_PREFIX + nodeId, Long.toString(generation(s, nodeId) + 1)));
    }

    /** The generation of {@code nodeId}'s credential. */
    public static long generation(ClusterState s, String nodeId) {
        return Long.parseLong(s.settings().values().getOrDefault(GENERATION_PREFIX + nodeId, "0"));
    }

    private static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
