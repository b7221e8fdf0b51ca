package dev.mvirt.api.rest;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.state.ClusterState;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/tokens} (admins): create (the secret is shown once), list and read without secrets, revoke. */
final class TokenRoutes {
    private static final Set<String> ROLES = Set.of("viewer", "operator", "admin");

    private TokenRoutes() {}

    /** The body of a token request. */
    record CreateToken(
            @Nullable String name,
            @Nullable String role,
            @Nullable List<String> projects,
            long expiresAt) {}

    static void register(Routes r, Env env, TokenBook book) {
        r.get("/api/v1/tokens", Access.ADMIN, ctx -> {
            ClusterState s = Http.read(env, ctx);
            List<Map<String, Object>> items =
                    book.all(s).stream().map(TokenRoutes::view).toList();
            Http.json(env, ctx, 200, Views.page(items, s.revision(), ""));
        });
        r.get("/api/v1/tokens/{name}", Access.ADMIN, ctx -> Http.json(env, ctx, 200, view(find(env, book, ctx))));
        r.post("/api/v1/tokens", Access.ADMIN, ctx -> create(env, book, ctx));
        r.delete("/api/v1/tokens/{name}", Access.ADMIN, ctx -> {
            TokenBook.Record t = find(env, book, ctx);
            submit(
                    env,
                    ctx,
                    book,
                    new TokenBook.Record(
                            t.id(), t.name(), t.role(), t.projects(), t.expiresAt(), true, t.createdAt(), t.hash()));
            ctx.status(204);
        });
    }

    private static void create(Env env, TokenBook book, Context ctx) {
        CreateToken b = Http.body(env, ctx, CreateToken.class);
        String name = Fields.required(b.name(), "name");
        String role = Fields.required(b.role(), "role");
        List<String> projects = Fields.list(b.projects(), "projects");
        Crud.check(Check.name("name", name).or(() -> Check.names("projects", projects)));
        if (!ROLES.contains(role)) {
            throw ApiException.invalid("role", "must be viewer, operator or admin");
        }
        if (b.expiresAt() < 0) {
            throw ApiException.invalid("expiresAt", "epoch milliseconds, or 0 for never");
        }
        if (book.byName(env.store().read(), name).isPresent()) {
            throw new ApiException(409, "name_taken", "a token named '" + name + "' exists");
        }
        long now = env.cfg().clock().millis();
        var issued = book.issue(UUID.randomUUID().toString(), name, role, projects, b.expiresAt(), now);
        submit(env, ctx, book, issued.record());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", view(issued.record()));
        out.put("secret", issued.secret());
        Http.json(env, ctx, 201, out);
    }

    private static void submit(Env env, Context ctx, TokenBook book, TokenBook.Record record) {
        var outcome = Http.submit(env, book.store(record), Http.caller(ctx));
        if (!outcome.result().ok()) {
            throw ErrorMapper.rejection(outcome.result());
        }
    }

    private static TokenBook.Record find(Env env, TokenBook book, Context ctx) {
        String name = ctx.pathParam("name");
        return book.byName(env.store().read(), name).orElseThrow(() -> ApiException.notFound("token '" + name + "'"));
    }

    private static Map<String, Object> view(TokenBook.Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("role", r.role());
        m.put("projects", r.projects());
        m.put("expiresAt", r.expiresAt());
        m.put("revoked", r.revoked());
        m.put("createdAt", r.createdAt());
        m.put("revision", 0L);
        return m;
    }
}
