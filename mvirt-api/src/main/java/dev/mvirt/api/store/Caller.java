package dev.mvirt.api.store;

/**
 * Who submits a command and how: the {@code actor} (token name or node id, recorded for audit), and the
 * client's idempotency key with a hash of its request ("" when none).
 */
public record Caller(String actor, String idempotencyKey, String requestHash) {

    /** A caller without idempotency key. */
    public static Caller of(String actor) {
        return new Caller(actor, "", "");
    }

    /** The control plane itself (controllers on the leader). */
    public static Caller system() {
        return of("system");
    }
}
