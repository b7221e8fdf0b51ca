package dev.mvirt.api.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One join token from {@code --join-token-file}. On an API server it is the bootstrap token {@link
 * ClusterJoinAuthority} accepts besides the API-created ones (credentials then come from the node secret). Used alone
 * as a {@link JoinAuthority} (tests, stand-alone), a node's credential is HMAC-SHA256(join token, node id), so
 * rotating the token revokes every credential. Comparisons are constant-time.
 */
public final class StaticJoinToken implements JoinAuthority {
    private static final int MIN_LENGTH = 16;
    private final byte[] token;

    /** A token given as text; at least 16 characters. */
    public StaticJoinToken(String token) {
        String t = token.strip();
        if (t.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("join token must be at least " + MIN_LENGTH + " characters");
        }
        this.token = t.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the token from {@code file} (surrounding white space ignored). */
    public static StaticJoinToken fromFile(Path file) {
        try {
            return new StaticJoinToken(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read join token file " + file, e);
        }
    }

    @Override
    public boolean acceptsJoinToken(String candidate) {
        return MessageDigest.isEqual(token, candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String credentialFor(String nodeId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            byte[] sig = mac.doFinal(("mvirt-node-credential:" + nodeId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public boolean verify(String nodeId, String credential) {
        return MessageDigest.isEqual(
                credentialFor(nodeId).getBytes(StandardCharsets.UTF_8), credential.getBytes(StandardCharsets.UTF_8));
    }
}
