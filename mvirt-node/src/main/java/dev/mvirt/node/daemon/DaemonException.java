package dev.mvirt.node.daemon;

/**
 * A local daemon refused or failed a request: the message names the resource and the daemon's reason, fit to be
 * reported as the resource's status message. Reconcilers retry with backoff.
 */
public class DaemonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DaemonException(String message) {
        super(message);
    }

    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
