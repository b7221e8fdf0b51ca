package dev.mvirt.cli.client;

/** The API server could not be reached (connection refused, DNS, timeout before an answer). */
public final class Unreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
