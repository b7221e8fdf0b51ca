package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.AuditReadException;
import dev.mvirt.common.audit.AuditReader;
import dev.mvirt.common.audit.AuditRecord;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/audit}: the audit log, read from mvirt-log over gRPC. Any token may read; a project-scoped token
 * sees the entries of its projects, and every entry about an object that lives in one of them. The answer holds the
 * newest {@code limit} matching entries, oldest first; {@code continue} pages back to older ones. 503 when the server
 * runs without {@code --audit} or mvirt-log does not answer.
 */
final class AuditRoutes {
    private AuditRoutes() {}

    static void register(Routes r, Env env, AuditReader reader) {
        r.get("/api/v1/audit", Access.READ, ctx -> list(env, reader, ctx));
    }

    private static void list(Env env, AuditReader reader, Context ctx) {
        Principal p = Http.principal(ctx);
        AuditFilter f = AuditFilter.parse(ctx, p.projects());
        if (!f.project().isEmpty() && !p.inProject(f.project())) {
            throw new ApiException(403, "forbidden", "this token is limited to projects " + p.projects());
        }
        boolean scoped = !objectInScope(env.store().read(), f.object(), p);
        AuditScan.Result page;
        try {
            page = AuditScan.read(reader, f, scoped, Fields.str(ctx.queryParam("continue")));
        } catch (AuditReadException e) {
            throw e.reason() == AuditReadException.Reason.INVALID
                    ? ApiException.invalid("continue", "refused by the audit log: " + e.getMessage())
                    : new ApiException(503, "audit_unavailable", "the audit log cannot be read: " + e.getMessage());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        page.records().reversed().forEach(rec -> items.add(view(rec)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        if (!page.next().isEmpty()) {
            out.put("continue", page.next());
        }
        Http.json(env, ctx, 200, out);
    }

    /** True when the token sees every project, or the object exists now in one of its projects. */
    private static boolean objectInScope(ClusterState s, String object, Principal p) {
        if (p.projects().isEmpty()) {
            return true;
        }
        if (object.isEmpty()) {
            return false;
        }
        for (Kind k : Kind.values()) {
            var found = s.get(k, object);
            if (found.isPresent()) {
                return k.projectScoped()
                        && p.projects().contains(found.get().meta().project());
            }
        }
        return false;
    }

    private static Map<String, Object> view(AuditRecord rec) {
        AuditEntry e = rec.entry();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", rec.seq());
        m.put("time", e.timestamp().toString());
        m.put("level", e.level().name().toLowerCase(java.util.Locale.ROOT));
        m.put("component", e.component());
        m.put("actor", e.actor());
        m.put("message", e.message());
        m.put("objects", e.objectIds());
        m.put("kind", e.fields().getOrDefault("kind", ""));
        m.put("name", e.fields().getOrDefault("name", ""));
        m.put("project", e.fields().getOrDefault("project", ""));
        m.put("revision", revision(e.fields().getOrDefault("revision", "")));
        m.put("fields", new java.util.TreeMap<>(e.fields()));
        return m;
    }

    private static long revision(String v) {
        try {
            return v.isEmpty() ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
