package dev.mvirt.api.auth;

/**
 * A join token as stored: a host presenting its secret at {@code Register} may join the cluster.
 *
 * @param expiresAt epoch milliseconds after which it is refused; 0 never
 * @param hash the SHA-256 of the secret (the secret itself is shown once, at creation)
 */
public record JoinToken(String id, String name, long expiresAt, boolean revoked, long createdAt, String hash)
        implements SecretBook.Entry {

    /** The settings key prefix of join tokens. */
    public static final String PREFIX = "jointoken.";

    /** The book of join tokens ({@code jointoken.ID}, secrets {@code mvj_ID_RANDOM}). */
    public static SecretBook<JoinToken> book(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return new SecretBook<>(PREFIX, "mvj", JoinToken.class, mapper);
    }

    /** This token, revoked. */
    public JoinToken revoke() {
        return new JoinToken(id, name, expiresAt, true, createdAt, hash);
    }
}
