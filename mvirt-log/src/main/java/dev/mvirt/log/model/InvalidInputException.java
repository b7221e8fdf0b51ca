package dev.mvirt.log.model;

/** Input from a client is malformed; the message names the field and is safe to return to the client. */
public final class InvalidInputException extends LogException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
