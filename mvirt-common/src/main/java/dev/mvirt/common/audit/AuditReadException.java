package dev.mvirt.common.audit;

/** A query was not answered: the service cannot be reached ({@link Reason#UNAVAILABLE}) or refused its input. */
public final class AuditReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a query failed. */
    public enum Reason {
        /** No audit service is configured, or it is down, slow or overloaded: retrying later may work. */
        UNAVAILABLE,
        /** The service refused the query (a bad cursor or filter); the message names the field. */
        INVALID
    }

    private final Reason reason;

    public AuditReadException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AuditReadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
