package dev.mvirt.api.rest;

import dev.mvirt.api.auth.SecretBook;
import dev.mvirt.api.auth.SecretKeys;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import java.util.List;
import java.util.Optional;

/**
 * API tokens in the replicated state, kept by a {@link SecretBook}: each token is the setting {@code token.ID}
 * holding a {@link Record} as JSON (name, role, projects, expiry, revocation and the SHA-256 of the secret, never the
 * secret). A secret is {@code mvt_ID_RANDOM}, so the guard finds its record by id and compares hashes in constant
 * time.
 */
final class TokenBook {
    static final String PREFIX = SecretKeys.TOKEN_PREFIX;
    private final SecretBook<Record> book;

    /** One token as stored: {@code role} is viewer, operator or admin; {@code expiresAt} 0 never expires. */
    record Record(
            String id,
            String name,
            String role,
            List<String> projects,
            long expiresAt,
            boolean revoked,
            long createdAt,
            String hash)
            implements SecretBook.Entry {}

    /** A new token: its record and the secret to show once. */
    record Issued(Record record, String secret) {}

    TokenBook(Json json) {
        this.book = new SecretBook<>(PREFIX, "mvt", Record.class, json.mapper());
    }

    List<Record> all(ClusterState s) {
        return book.all(s);
    }

    Optional<Record> byName(ClusterState s, String name) {
        return book.byName(s, name);
    }

    /** The live token whose secret this is (not revoked, not expired at {@code now}). */
    Optional<Record> authenticate(ClusterState s, String secret, long now) {
        return book.authenticate(s, secret, now);
    }

    /** A new token (its command still has to be submitted). */
    Issued issue(String id, String name, String role, List<String> projects, long expiresAt, long now) {
        SecretBook.Secret s = book.newSecret(id);
        return new Issued(new Record(id, name, role, projects, expiresAt, false, now, s.hash()), s.secret());
    }

    /** The command storing {@code r}. */
    Command store(Record r) {
        return book.store(r);
    }
}
