package dev.mvirt.api.state;

/**
 * A command with the context the edge gave it: who asked ({@code actor}), when ({@code timeMillis}, the edge's
 * clock; apply never reads one), and the client's {@code idempotencyKey} with a hash of its request ("" when
 * none).
 */
public record Envelope(Command command, String actor, long timeMillis, String idempotencyKey, String requestHash) {

    /** An envelope without idempotency key. */
    public static Envelope of(Command command, String actor, long timeMillis) {
        return new Envelope(command, actor, timeMillis, "", "");
    }
}
