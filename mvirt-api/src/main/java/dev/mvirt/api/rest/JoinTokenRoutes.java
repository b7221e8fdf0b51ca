package dev.mvirt.api.rest;

import dev.mvirt.api.auth.JoinToken;
import dev.mvirt.api.auth.SecretBook;
import dev.mvirt.api.model.Check;
import dev.mvirt.api.state.ClusterState;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/v1/join-tokens} (admins): create (the secret is shown once), list without secrets, revoke. A host
 * presents the secret at its first {@code Register} and gets a per-node credential; revoking the token refuses new
 * hosts, not the ones already joined.
 */
final class JoinTokenRoutes {
    private JoinTokenRoutes() {}

    /** The body of a join token request. */
    record CreateJoinToken(@Nullable String name, long expiresAt) {}

    static void register(Routes r, Env env) {
        SecretBook<JoinToken> book = JoinToken.book(env.json().mapper());
        r.get("/api/v1/join-tokens", Access.ADMIN, ctx -> {
            ClusterState s = Http.read(env, ctx);
            List<Map<String, Object>> items =
                    book.all(s).stream().map(JoinTokenRoutes::view).toList();
            Http.json(env, ctx, 200, Views.page(items, s.revision(), ""));
        });
        r.post("/api/v1/join-tokens", Access.ADMIN, ctx -> create(env, book, ctx));
        r.delete("/api/v1/join-tokens/{name}", Access.ADMIN, ctx -> {
            String name = ctx.pathParam("name");
            JoinToken t = book.byName(env.store().read(), name)
                    .orElseThrow(() -> ApiException.notFound("join token '" + name + "'"));
            submit(env, ctx, book, t.revoke());
            ctx.status(204);
        });
    }

    private static void create(Env env, SecretBook<JoinToken> book, Context ctx) {
        CreateJoinToken b = Http.body(env, ctx, CreateJoinToken.class);
        String name = Fields.required(b.name(), "name");
        Crud.check(Check.name("name", name));
        long now = env.cfg().clock().millis();
        if (b.expiresAt() < 0 || b.expiresAt() > 0 && b.expiresAt() <= now) {
            throw ApiException.invalid("expiresAt", "epoch milliseconds in the future, or 0 for never");
        }
        if (book.byName(env.store().read(), name).isPresent()) {
            throw new ApiException(409, "name_taken", "a join token named '" + name + "' exists");
        }
        String id = UUID.randomUUID().toString();
        SecretBook.Secret secret = book.newSecret(id);
        JoinToken t = new JoinToken(id, name, b.expiresAt(), false, now, secret.hash());
        submit(env, ctx, book, t);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("joinToken", view(t));
        out.put("secret", secret.secret());
        Http.json(env, ctx, 201, out);
    }

    private static void submit(Env env, Context ctx, SecretBook<JoinToken> book, JoinToken t) {
        var outcome = Http.submit(env, book.store(t), Http.caller(ctx));
        if (!outcome.result().ok()) {
            throw ErrorMapper.rejection(outcome.result());
        }
    }

    private static Map<String, Object> view(JoinToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("expiresAt", t.expiresAt());
        m.put("revoked", t.revoked());
        m.put("createdAt", t.createdAt());
        return m;
    }
}
