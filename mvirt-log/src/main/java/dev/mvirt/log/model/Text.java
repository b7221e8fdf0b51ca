package dev.mvirt.log.model;

/** Shared checks on client-supplied strings. */
final class Text {
    private Text() {}

    static void require(String field, String value, int max, boolean emptyAllowed) {
        if (!emptyAllowed && value.isBlank()) {
            throw new InvalidInputException(field + ": must not be blank");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field + ": longer than " + max + " characters");
        }
    }
}
