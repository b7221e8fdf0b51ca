package dev.mvirt.cli.client;

import java.util.regex.Pattern;

/** Validation of names given by users before they reach a URL or a file path. */
public final class Names {
    /** Resource names and ids, as the API accepts them. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private Names() {}

    /**
     * {@code value} when it is a valid name; otherwise an {@link IllegalArgumentException} naming {@code field}
     * (no {@code /}, no leading {@code -} or {@code .}, no control characters, at most 63 characters).
     */
    public static String check(String field, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    field + " '" + printable(value) + "' is not a valid name: use 1-63 letters,"
                            + " digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    /** A checked name, safe as a URL path segment. */
    static String segment(String field, String value) {
        return check(field, value);
    }

    /** {@code value} with control characters replaced, for messages. */
    public static String printable(String value) {
        StringBuilder b = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> b.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
        return b.toString();
    }
}
