package dev.mvirt.cli.output;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes and ages for people: {@code 1.5GiB}, {@code 3d}; and parsing sizes such as {@code 10G} or {@code 512MiB}. */
public final class Units {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*([KMGTP]?)(i?B)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h)?");

    private Units() {}

    /** {@code bytes} in binary units with one decimal. */
    public static String bytes(long bytes) {
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + "B" : String.format(Locale.ROOT, v >= 10 ? "%.0f%s" : "%.1f%s", v, UNITS[u]);
    }

    /** The age of something created at {@code createdMillis}, as of {@code nowMillis}. */
    public static String age(long createdMillis, long nowMillis) {
        long s = Math.max(0, (nowMillis - createdMillis) / 1000);
        if (createdMillis <= 0) {
            return "";
        }
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        if (s < 2 * 86400) {
            return s / 3600 + "h";
        }
        return s / 86400 + "d";
    }

    /** Parses {@code 10G}, {@code 10GiB}, {@code 512M}, {@code 4096} (bytes); binary multiples. */
    public static long parseBytes(String field, String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a size such as 10GiB or 512M");
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            case "P" -> 50;
            default -> 0;
        };
        long n = Long.parseLong(m.group(1));
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(field + ": '" + text + "' is too large");
        }
        return n << shift;
    }

    /** Parses {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} (seconds when no unit). */
    public static Duration parseDuration(String field, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a duration such as 30s, 500ms or 2m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
