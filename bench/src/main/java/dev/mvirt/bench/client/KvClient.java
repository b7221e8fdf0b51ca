package dev.mvirt.bench.client;

/**
 * Register operations against one peer of a store. Implementations are thread-safe (one HTTP client shared by
 * many threads) and never throw for a failed request: failures come back as a {@link KvResult} whose outcome says
 * whether the operation may still take effect.
 */
public interface KvClient {

    /** Creates register {@code key} holding {@code value} (an existing key is an OK answer too). */
    KvResult create(String key, String value);

    /** Writes {@code value} unconditionally. */
    KvResult write(String key, String value);

    /** Writes {@code value} if the register's revision is still {@code revision}; FAIL when it is not. */
    KvResult cas(String key, long revision, String value);

    /** Reads the register, linearizably or from the peer's local state. */
    KvResult read(String key, boolean linearizable);
}
