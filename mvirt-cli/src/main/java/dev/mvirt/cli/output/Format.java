package dev.mvirt.cli.output;

import java.util.Locale;

/** The {@code -o} formats. */
public enum Format {
    TABLE,
    WIDE,
    JSON,
    YAML,
    NAME;

    /** The format named {@code text} (case-insensitive). */
    public static Format parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown output format '" + text + "': use table, wide, json, yaml or name", e);
        }
    }
}
