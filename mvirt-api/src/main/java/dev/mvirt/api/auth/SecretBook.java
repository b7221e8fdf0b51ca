package dev.mvirt.api.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named secrets kept in the replicated settings: each is the setting {@code KEYPREFIX.ID} holding its record as JSON
 * with the SHA-256 of the secret, never the secret. A secret is {@code SECRETPREFIX_ID_RANDOM} (32 random bytes), so
 * a presented secret finds its record by id and is compared by hash in constant time. Changes are {@code SetSettings}
 * commands, so they replicate, survive snapshots and reach every peer. Used for API tokens and join tokens.
 *
 * @param <R> the stored record
 */
public final class SecretBook<R extends SecretBook.Entry> {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CACHED = 4096;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** What every stored record has: {@code expiresAt} 0 never expires. */
    public interface Entry {
        String id();

        String name();

        String hash();

        boolean revoked();

        long expiresAt();
    }

    /** A new secret and its hash (the record still has to be built and stored). */
    public record Secret(String secret, String hash) {}

    private final String keyPrefix;
    private final String secretPrefix;
    private final Class<R> type;
    private final ObjectMapper mapper;
    private final Pattern secretPattern;
    // Every request presents a token: parsing its stored record and hashing the secret each time was ~8 % of the
    // REST path's Java time, and matching the secret's form by regex 2 % more. Records are immutable per stored JSON;
    // only secrets that matched a record are kept, each with the settings key its form names.
    private final Map<String, R> parsed = new ConcurrentHashMap<>();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A presented secret that matched its record once: where that record is stored, and the secret's hash. */
    private record Verified(String key, String hash) {}

    /** A book of {@code type} records under {@code keyPrefix} (e.g. {@code token.}), secrets {@code secretPrefix_}. */
    public SecretBook(String keyPrefix, String secretPrefix, Class<R> type, ObjectMapper mapper) {
        this.keyPrefix = keyPrefix;
        this.secretPrefix = secretPrefix;
        this.type = type;
        this.mapper = mapper;
        this.secretPattern = Pattern.compile(Pattern.quote(secretPrefix) + "_(" + UUID + ")_[A-Za-z0-9_-]{43}");
    }

    /** The settings key prefix of this book. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Every record, revoked ones included. */
    public List<R> all(ClusterState s) {
        List<R> out = new ArrayList<>();
        s.settings().values().forEach((k, v) -> {
            if (k.startsWith(keyPrefix)) {
                out.add(parse(v));
            }
        });
        return out;
    }

    public Optional<R> byName(ClusterState s, String name) {
        return all(s).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The live record whose secret this is (not revoked, not expired at {@code now}). */
    public Optional<R> authenticate(ClusterState s, String secret, long now) {
        String presented = secret.strip();
        Verified known = verified.get(presented);
        String key;
        if (known != null) {
            key = known.key();
        } else {
            Matcher m = secretPattern.matcher(presented);
            if (!m.matches()) {
                return Optional.empty();
            }
            key = keyPrefix + m.group(1);
        }
        String stored = s.settings().values().get(key);
        if (stored == null) {
            return Optional.empty();
        }
        R r = cached(parsed, stored, this::parse);
        String hash = known != null ? known.hash() : hash(presented);
        boolean same = MessageDigest.isEqual(
                r.hash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        if (same && known == null) {
            cached(verified, presented, k -> new Verified(key, hash));
        }
        boolean live = !r.revoked() && (r.expiresAt() == 0 || r.expiresAt() > now);
        return same && live ? Optional.of(r) : Optional.empty();
    }

    /** A new secret for the record with {@code id}. */
    public Secret newSecret(String id) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = secretPrefix + "_" + id + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return new Secret(secret, hash(secret));
    }

    /** The command storing {@code r}. */
    public Command store(R r) {
        try {
            return new Command.SetSettings(Map.of(keyPrefix + r.id(), mapper.writeValueAsString(r)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + type.getSimpleName(), e);
        }
    }

    /** The hex SHA-256 of {@code secret}. */
    public static String hash(String secret) {
        return Hashing.sha256().hashString(secret, StandardCharsets.UTF_8).toString();
    }

    /** {@code map}'s value for {@code key}, computed once; the map is emptied when it reaches {@link #CACHED}. */
    private static <V> V cached(Map<String, V> map, String key, java.util.function.Function<String, V> compute) {
        V v = map.get(key);
        if (v == null) {
            if (map.size() >= CACHED) {
                map.clear();
            }
            v = compute.apply(key);
            map.put(key, v);
        }
        return v;
    }

    private R parse(String json) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
