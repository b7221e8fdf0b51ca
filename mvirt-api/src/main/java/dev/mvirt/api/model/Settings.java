package dev.mvirt.api.model;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Cluster settings and feature flags as validated key/value text. Known keys have defaults and typed accessors;
 * feature flags are {@code feature.NAME = true|false}. Unknown keys are refused so a typo never goes unnoticed.
 */
public record Settings(SortedMap<String, String> values) {
    /** spread | binpack. */
    public static final String SCHEDULER_STRATEGY = "scheduler.strategy";
    /** vCPU overcommit ratio, 1.0–64.0. */
    public static final String OVERCOMMIT_CPU = "overcommit.cpu";
    /** memory overcommit ratio, 1.0–4.0. */
    public static final String OVERCOMMIT_MEMORY = "overcommit.memory";
    /** Seconds without heartbeats before a node is Unreachable, 3–3600. */
    public static final String NODE_GRACE_SECONDS = "node.graceSeconds";

    private static final Map<String, String> DEFAULTS = Map.of(
            SCHEDULER_STRATEGY, "spread",
            OVERCOMMIT_CPU, "4.0",
            OVERCOMMIT_MEMORY, "1.0",
            NODE_GRACE_SECONDS, "15");
    private static final Pattern FEATURE = Pattern.compile("feature\\.[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}");
    /** API tokens ({@code token.ID}: a printable record kept by the REST layer; never a secret, only its hash). */
    private static final Pattern TOKEN =
            Pattern.compile("(token|jointoken)\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Join tokens ({@code jointoken.ID}, like API tokens), per-node credential generations, the node secret. */
    private static final Pattern NODE_GENERATION =
            Pattern.compile("nodecred\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final String NODE_SECRET = "cluster.nodeSecret";
    private static final Pattern NODE_SECRET_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

    public Settings {
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** Settings with every default. */
    public static Settings defaults() {
        return new Settings(new TreeMap<>(DEFAULTS));
    }

    /** A copy with {@code changes} applied ("" resets a known key to its default, removes a feature flag). */
    public Settings with(Map<String, String> changes) {
        TreeMap<String, String> next = new TreeMap<>(values);
        changes.forEach((k, v) -> {
            if (v.isEmpty() && DEFAULTS.containsKey(k)) {
                next.put(k, DEFAULTS.get(k));
            } else if (v.isEmpty()) {
                next.remove(k);
            } else {
                next.put(k, v);
            }
        });
        return new Settings(next);
    }

    /** The first problem with {@code changes}, naming the key. */
    public static Optional<FieldError> validate(Map<String, String> changes) {
        for (Map.Entry<String, String> e : changes.entrySet()) {
            Optional<FieldError> err = validate(e.getKey(), e.getValue());
            if (err.isPresent()) {
                return err;
            }
        }
        return Optional.empty();
    }

    private static Optional<FieldError> validate(String key, String v) {
        String field = "settings." + (key.length() > 80 ? key.substring(0, 80) : key);
        if (v.isEmpty()) {
            return DEFAULTS.containsKey(key)
                            || FEATURE.matcher(key).matches()
                            || TOKEN.matcher(key).matches()
                            || NODE_GENERATION.matcher(key).matches()
                    ? Optional.empty()
                    : Check.fail(field, "unknown setting");
        }
        return switch (key) {
            case SCHEDULER_STRATEGY ->
                v.equals("spread") || v.equals("binpack") ? Optional.empty() : Check.fail(field, "spread or binpack");
            case OVERCOMMIT_CPU -> ratio(field, v, 64.0);
            case OVERCOMMIT_MEMORY -> ratio(field, v, 4.0);
            case NODE_GRACE_SECONDS -> integer(field, v, 3, 3600);
            case NODE_SECRET ->
                NODE_SECRET_VALUE.matcher(v).matches()
                        ? Optional.empty()
                        : Check.fail(field, "43 base64url characters");
            default ->
                FEATURE.matcher(key).matches()
                        ? bool(field, v)
                        : NODE_GENERATION.matcher(key).matches()
                                ? integer(field, v, 0, Integer.MAX_VALUE)
                                : TOKEN.matcher(key).matches()
                                        ? Check.first(
                                                () -> Check.text(field, v, 4096),
                                                () -> v.chars().anyMatch(c -> c < 0x20)
                                                        ? Check.fail(field, "must not contain control characters")
                                                        : java.util.Optional.empty())
                                        : Check.fail(field, "unknown setting");
        };
    }

    /** The scheduling strategy. */
    public String strategy() {
        return values.getOrDefault(SCHEDULER_STRATEGY, "spread");
    }

    /** The vCPU overcommit ratio. */
    public double cpuOvercommit() {
        return Double.parseDouble(values.getOrDefault(OVERCOMMIT_CPU, "4.0"));
    }

    /** The memory overcommit ratio. */
    public double memoryOvercommit() {
        return Double.parseDouble(values.getOrDefault(OVERCOMMIT_MEMORY, "1.0"));
    }

    /** The node liveness grace period in seconds. */
    public int nodeGraceSeconds() {
        return Integer.parseInt(values.getOrDefault(NODE_GRACE_SECONDS, "15"));
    }

    /** Whether feature flag {@code name} is on. */
    public boolean feature(String name) {
        return Boolean.parseBoolean(values.getOrDefault("feature." + name, "false"));
    }

    private static Optional<FieldError> ratio(String field, String v, double max) {
        try {
            double d = Double.parseDouble(v);
            return d >= 1.0 && d <= max ? Optional.empty() : Check.fail(field, "must be between 1.0 and " + max);
        } catch (NumberFormatException e) {
            return Check.fail(field, "must be a number");
        }
    }

    private static Optional<FieldError> integer(String field, String v, int min, int max) {
        try {
            return Check.range(field, Integer.parseInt(v), min, max);
        } catch (NumberFormatException e) {
            return Check.fail(field, "must be an integer");
        }
    }

    private static Optional<FieldError> bool(String field, String v) {
        return v.equals("true") || v.equals("false") ? Optional.empty() : Check.fail(field, "must be true or false");
    }
}
