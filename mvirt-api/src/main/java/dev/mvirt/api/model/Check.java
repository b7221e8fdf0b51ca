package dev.mvirt.api.model;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Field checks shared by every spec. Each returns the first {@link FieldError} or empty; chain them with
 * {@link #first}. Names and paths are checked here before they can reach the Raft log, a command line or a file
 * path.
 */
public final class Check {
    /** Names: 1–63 characters, letters, digits, '.', '_', '-'; starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._/-]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_LABELS = 64;
    private static final int MAX_TEXT = 64 * 1024;

    private Check() {}

    /** The first non-empty result of {@code checks}, evaluated in order. */
    @SafeVarargs
    public static Optional<FieldError> first(Supplier<Optional<FieldError>>... checks) {
        for (Supplier<Optional<FieldError>> c : checks) {
            Optional<FieldError> e = c.get();
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    /** A resource name: see {@link #NAME}; never '/', '..', control characters or a leading '-'. */
    public static Optional<FieldError> name(String field, String value) {
        if (value.isEmpty()) {
            return fail(field, "must not be empty");
        }
        if (value.length() > 63) {
            return fail(field, "must be at most 63 characters");
        }
        if (value.contains("..")) {
            return fail(field, "must not contain '..'");
        }
        if (!NAME.matcher(value).matches()) {
            return fail(field, "must start with a letter or digit and contain only letters, digits, '.', '_', '-'");
        }
        return Optional.empty();
    }

    /** A name, or empty (meaning unset). */
    public static Optional<FieldError> optionalName(String field, String value) {
        return value.isEmpty() ? Optional.empty() : name(field, value);
    }

    /** A canonical lowercase UUID. */
    public static Optional<FieldError> uuid(String field, String value) {
        return UUID.matcher(value).matches() ? Optional.empty() : fail(field, "must be a lowercase UUID");
    }

    /** Label keys and values in the Kubernetes style; at most 64 labels. */
    public static Optional<FieldError> labels(String field, Map<String, String> labels) {
        if (labels.size() > MAX_LABELS) {
            return fail(field, "at most " + MAX_LABELS + " labels");
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!LABEL_KEY.matcher(e.getKey()).matches() || e.getKey().contains("..")) {
                return fail(field + "." + printable(e.getKey()), "invalid label key");
            }
            if (!LABEL_VALUE.matcher(e.getValue()).matches()) {
                return fail(field + "." + e.getKey(), "invalid label value");
            }
        }
        return Optional.empty();
    }

    /** {@code min <= value <= max}. */
    public static Optional<FieldError> range(String field, long value, long min, long max) {
        return value < min || value > max
                ? fail(field, "must be between " + min + " and " + max + ", got " + value)
                : Optional.empty();
    }

    /** Free text (user-data, descriptions): bounded length, no NUL. */
    public static Optional<FieldError> text(String field, String value, int maxLength) {
        if (value.length() > Math.min(maxLength, MAX_TEXT * 16)) {
            return fail(field, "must be at most " + maxLength + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            return fail(field, "must not contain NUL");
        }
        // an unpaired surrogate cannot be encoded as UTF-8: it would change on its way through the log
        return hasLoneSurrogate(value) ? fail(field, "must be valid Unicode (unpaired surrogate)") : Optional.empty();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** An absolute path without '..', control characters or a leading '-'; empty allowed when optional. */
    public static Optional<FieldError> path(String field, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.startsWith("/")) {
            return fail(field, "must be an absolute path");
        }
        if (value.length() > 1024) {
            return fail(field, "must be at most 1024 characters");
        }
        for (String part : value.split("/")) {
            if (part.equals("..") || part.equals(".") || part.startsWith("-")) {
                return fail(field, "must not contain '.', '..' or a component starting with '-'");
            }
        }
        return hasControl(value) ? fail(field, "must not contain control characters") : Optional.empty();
    }

    /** A unicast MAC address written lowercase with colons; empty allowed. */
    public static Optional<FieldError> mac(String field, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!MAC.matcher(value).matches()) {
            return fail(field, "must be a MAC address like 02:00:00:00:00:01");
        }
        // a NIC with a group (multicast) address would flood or be dropped by every bridge
        return (Integer.parseInt(value.substring(0, 2), 16) & 1) == 0
                ? Optional.empty()
                : fail(field, "must be a unicast address (first octet even)");
    }

    /** Every element satisfies {@link #name}; no duplicates. */
    public static Optional<FieldError> names(String field, Collection<String> values) {
        int i = 0;
        for (String v : values) {
            Optional<FieldError> e = name(field + "[" + i++ + "]", v);
            if (e.isPresent()) {
                return e;
            }
        }
        return values.stream().distinct().count() == values.size()
                ? Optional.empty()
                : fail(field, "must not contain duplicates");
    }

    /** Shorthand for a failed check. */
    public static Optional<FieldError> fail(String field, String reason) {
        return Optional.of(new FieldError(field, reason));
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(64).forEach(c -> b.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return b.toString();
    }
}
