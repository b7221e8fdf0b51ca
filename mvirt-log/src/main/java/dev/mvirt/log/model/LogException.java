package dev.mvirt.log.model;

/** Root of mvirt-log's unchecked exceptions; each edge maps the subclasses to its protocol in one place. */
public abstract class LogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected LogException(String message) {
        super(message);
    }

    protected LogException(String message, Throwable cause) {
        super(message, cause);
    }
}
