package dev.mvirt.api.store;

/**
 * A command could not be committed: no leader within the timeout, this peer lost quorum, or the cluster is
 * shutting down. The command may or may not have been applied; the caller may retry with the same idempotency key.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why ({@code reason} is safe to show to clients) and the underlying failure. */
    public StoreException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Why, without a cause. */
    public StoreException(String reason) {
        super(reason);
    }
}
