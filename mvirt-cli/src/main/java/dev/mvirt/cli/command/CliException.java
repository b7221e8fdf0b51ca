package dev.mvirt.cli.command;

import org.jspecify.annotations.Nullable;

/** A command failed with a message for the user (one line) and an {@link Exit} code. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Exit exit;

    public CliException(Exit exit, @Nullable String message) {
        super(message == null ? "failed" : message);
        this.exit = exit;
    }

    public CliException(Exit exit, @Nullable String message, Throwable cause) {
        super(message == null ? "failed" : message, cause);
        this.exit = exit;
    }

    public Exit exit() {
        return exit;
    }
}
