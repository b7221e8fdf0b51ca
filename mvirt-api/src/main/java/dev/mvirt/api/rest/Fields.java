package dev.mvirt.api.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Defaults for absent JSON members, and element checks (JSON may hold nulls where the model never does). */
final class Fields {
    private Fields() {}

    static String str(@Nullable String s) {
        return s == null ? "" : s;
    }

    static List<String> list(@Nullable List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw ApiException.invalid(field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(values);
    }

    static Map<String, String> map(@Nullable Map<String, String> values, String field) {
        if (values == null) {
            return Map.of();
        }
        TreeMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue() == null) {
                throw ApiException.invalid(field + "." + e.getKey(), "must be a string");
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
        return value;
    }
}
