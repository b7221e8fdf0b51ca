package dev.mvirt.log.model;

/**
 * A position in the log: the seq of the last entry already seen (exclusive bound). Encoded as an opaque string for
 * clients.
 */
public record Cursor(long seq) {
    private static final String PREFIX = "c1.";

    public Cursor {
        if (seq < 0) {
            throw new InvalidInputException("cursor: negative position");
        }
    }

    /** The text form handed to clients. */
    public String encode() {
        return PREFIX + Long.toString(seq, 36);
    }

    /**
     * Parses a cursor from {@link #encode()}.
     *
     * @throws InvalidInputException when {@code text} is not one
     */
    public static Cursor decode(String text) {
        if (!text.startsWith(PREFIX) || text.length() > 20) {
            throw new InvalidInputException("cursor: not a cursor returned by this service");
        }
        try {
            return new Cursor(Long.parseLong(text.substring(PREFIX.length()), 36));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor: not a cursor returned by this service");
        }
    }
}
