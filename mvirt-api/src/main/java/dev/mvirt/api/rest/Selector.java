package dev.mvirt.api.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A label selector such as {@code env=prod,tier,!legacy,zone!=b}: every term must hold (equality, inequality,
 * presence, absence).
 */
record Selector(List<Term> terms) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._-]{0,63}");

    /** One condition on one key. */
    record Term(String key, Op op, String value) {
        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (op) {
                case EQUALS -> value.equals(v);
                case NOT_EQUALS -> !value.equals(v);
                case EXISTS -> v != null;
                case ABSENT -> v == null;
            };
        }
    }

    /** How a term compares. */
    enum Op {
        EQUALS,
        NOT_EQUALS,
        EXISTS,
        ABSENT
    }

    static final Selector ALL = new Selector(List.of());

    /** Parses {@code ?labels=}; 422 naming {@code labels} when a term is malformed. */
    static Selector parse(String text) {
        if (text.isBlank()) {
            return ALL;
        }
        List<Term> terms = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            terms.add(term(part.trim()));
        }
        return new Selector(terms);
    }

    boolean matches(Map<String, String> labels) {
        return terms.stream().allMatch(t -> t.matches(labels));
    }

    private static Term term(String t) {
        Term term;
        if (t.startsWith("!")) {
            term = new Term(t.substring(1), Op.ABSENT, "");
        } else if (t.contains("!=")) {
            term = new Term(t.substring(0, t.indexOf("!=")), Op.NOT_EQUALS, t.substring(t.indexOf("!=") + 2));
        } else if (t.contains("=")) {
            String v = t.substring(t.indexOf('=') + 1);
            term = new Term(t.substring(0, t.indexOf('=')), Op.EQUALS, v.startsWith("=") ? v.substring(1) : v);
        } else {
            term = new Term(t, Op.EXISTS, "");
        }
        if (!KEY.matcher(term.key()).matches() || !VALUE.matcher(term.value()).matches()) {
            throw ApiException.invalid("labels", "a selector is terms like env=prod, tier, !legacy or zone!=b");
        }
        return term;
    }
}
