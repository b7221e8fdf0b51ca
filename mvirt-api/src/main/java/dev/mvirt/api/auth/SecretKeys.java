package dev.mvirt.api.auth;

/** Which settings keys hold secrets or their hashes: never shown by, nor changed through, {@code /api/v1/settings}. */
public final class SecretKeys {
    /** The settings key prefix of API tokens. */
    public static final String TOKEN_PREFIX = "token.";

    private SecretKeys() {}

    /** True for API tokens, join tokens, the node secret and per-node credential generations. */
    public static boolean isSecret(String key) {
        return key.startsWith(TOKEN_PREFIX)
                || key.startsWith(JoinToken.PREFIX)
                || key.startsWith(NodeCredentials.GENERATION_PREFIX)
                || key.equals(NodeCredentials.SECRET_KEY);
    }
}
