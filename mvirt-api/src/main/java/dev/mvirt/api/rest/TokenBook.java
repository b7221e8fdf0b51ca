package dev.mvirt.api.rest;

import com.google.common.hash.Hashing;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API tokens in the replicated state. Each token is the setting {@code token.ID} holding a {@link Record} as JSON
 * (name, role, projects, expiry, revocation and the SHA-256 of the secret, never the secret). A secret is {@code
 * mvt_ID_RANDOM}, so the guard finds its record by id and compares hashes in constant time. Changes go through
 * {@code SetSettings}, so they replicate, survive snapshots and reach every peer.
 */
final class TokenBook {
    static final String PREFIX = "token.";
    private static final Pattern SECRET =
            Pattern.compile("mvt_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Json json;

    /** One token as stored: {@code role} is viewer, operator or admin; {@code expiresAt} 0 never expires. */
    record Record(
            String id,
            String name,
            String role,
            List<String> projects,
            long expiresAt,
            boolean revoked,
            long createdAt,
            String hash) {}

    /** A new token: its record and the secret to show once. */
    record Issued(Record record, String secret) {}

    TokenBook(Json json) {
        this.json = json;
    }

    List<Record> all(ClusterState s) {
        List<Record> out = new ArrayList<>();
        s.settings().values().forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                out.add(json.mapper().convertValue(json.tree(v.getBytes(StandardCharsets.UTF_8)), Record.class));
            }
        });
        return out;
    }

    Optional<Record> byName(ClusterState s, String name) {
        return all(s).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The live token whose secret this is (not revoked, not expired at {@code now}). */
    Optional<Record> authenticate(ClusterState s, String secret, long now) {
        Matcher m = SECRET.matcher(secret);
        if (!m.matches()) {
            return Optional.empty();
        }
        String stored = s.settings().values().get(PREFIX + m.group(1));
        if (stored == null) {
            return Optional.empty();
        }
        Record r = json.mapper().convertValue(json.tree(stored.getBytes(StandardCharsets.UTF_8)), Record.class);
        boolean same = java.security.MessageDigest.isEqual(
                r.hash().getBytes(StandardCharsets.US_ASCII), hash(secret).getBytes(StandardCharsets.US_ASCII));
        boolean live = !r.revoked() && (r.expiresAt() == 0 || r.expiresAt() > now);
        return same && live ? Optional.of(r) : Optional.empty();
    }

    /** A new token (its command still has to be submitted). */
    static Issued issue(String id, String name, String role, List<String> projects, long expiresAt, long now) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret =
                "mvt_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return new Issued(new Record(id, name, role, projects, expiresAt, false, now, hash(secret)), secret);
    }

    /** The command storing {@code r}. */
    Command store(Record r) {
        return new Command.SetSettings(Map.of(PREFIX + r.id(), new String(json.write(r), StandardCharsets.UTF_8)));
    }

    static String hash(String secret) {
        return Hashing.sha256().hashString(secret, StandardCharsets.UTF_8).toString();
    }
}
