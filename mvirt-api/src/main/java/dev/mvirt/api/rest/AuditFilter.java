package dev.mvirt.api.rest;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Kind;
import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.AuditQuery;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /api/v1/audit}, validated. {@code object}, {@code actor}, {@code since}, {@code until} go to
 * mvirt-log; {@code kind}, {@code name}, {@code project} and a token's project scope are matched here against the
 * entry's fields ({@code kind}, {@code name}, {@code project}), as the API server records them. {@code scope} empty
 * means every project.
 */
record AuditFilter(
        String object,
        String actor,
        long sinceNs,
        long untilNs,
        String kind,
        String name,
        String project,
        List<String> scope,
        int limit) {
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,256}");

    AuditFilter {
        scope = List.copyOf(scope);
    }

    /** Parses and validates the query parameters; 422 naming the parameter on a bad value. */
    static AuditFilter parse(Context ctx, List<String> scope) {
        return new AuditFilter(
                printable(ctx, "object"),
                printable(ctx, "actor"),
                time(ctx, "since"),
                time(ctx, "until"),
                kind(Fields.str(ctx.queryParam("kind"))),
                named(ctx, "name"),
                named(ctx, "project"),
                scope,
                limit(Fields.str(ctx.queryParam("limit"))));
    }

    /** Whether the entry must be matched here, so mvirt-log pages are read whole and filtered. */
    boolean filtersHere() {
        return !kind.isEmpty() || !name.isEmpty() || !project.isEmpty() || !scope.isEmpty();
    }

    /** The mvirt-log query, newest first, of {@code pageSize} entries. */
    AuditQuery query(int pageSize) {
        return new AuditQuery(object, actor, sinceNs, untilNs, pageSize, "", true);
    }

    /** Whether {@code e} passes the filters checked here; {@code scoped} false skips the project scope. */
    boolean matches(AuditEntry e, boolean scoped) {
        String p = e.fields().getOrDefault("project", "");
        return (kind.isEmpty() || kind.equals(e.fields().get("kind")))
                && (name.isEmpty() || name.equals(e.fields().get("name")))
                && (project.isEmpty() || project.equals(p))
                && (!scoped || scope.isEmpty() || scope.contains(p));
    }

    private static String printable(Context ctx, String param) {
        String v = Fields.str(ctx.queryParam(param));
        if (!v.isEmpty() && !PRINTABLE.matcher(v).matches()) {
            throw ApiException.invalid(param, "1 to 256 printable ASCII characters without spaces");
        }
        return v;
    }

    private static String named(Context ctx, String param) {
        String v = Fields.str(ctx.queryParam(param));
        if (!v.isEmpty()) {
            Crud.check(Check.name(param, v));
        }
        return v;
    }

    private static long time(Context ctx, String param) {
        String v = Fields.str(ctx.queryParam(param));
        if (v.isEmpty()) {
            return 0;
        }
        try {
            Instant t = Instant.parse(v);
            if (t.isBefore(Instant.EPOCH) || t.getEpochSecond() > Long.MAX_VALUE / 1_000_000_000L - 1) {
                throw ApiException.invalid(param, "out of range");
            }
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(param, "an RFC 3339 time in UTC, e.g. 2026-01-02T15:04:05Z");
        }
    }

    /** The recorded form of a kind ({@code vm}, {@code security_group}) from it or its plural ({@code vms}). */
    static String kind(String v) {
        if (v.isEmpty()) {
            return "";
        }
        return recorded(v).orElseThrow(() -> ApiException.invalid("kind", "a kind such as vm, volume, node"));
    }

    private static Optional<String> recorded(String v) {
        for (Kind k : Kind.values()) {
            String singular = k.name().toLowerCase(Locale.ROOT);
            if (singular.equals(v) || k.plural().equals(v)) {
                return Optional.of(singular);
            }
        }
        return Optional.empty();
    }

    private static int limit(String text) {
        if (text.isEmpty()) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= AuditQuery.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("limit", "must be an integer from 1 to " + AuditQuery.MAX_LIMIT);
    }
}
