package dev.mvirt.bench.cluster;

/** A cluster could not be started, reached or faulted; the message names the peer and the reason. */
public final class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
