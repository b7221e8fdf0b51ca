package dev.mvirt.api.rest;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.LockSpec;
import dev.mvirt.api.state.Command;
import io.javalin.http.Context;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/locks/{key}}: leases; PUT acquires or renews for an owner, DELETE releases. */
final class LockRoutes {
    private LockRoutes() {}

    /** The body of an acquire. */
    record Acquire(@Nullable String owner, long ttlMillis) {}

    static void register(Routes r, Env env) {
        Crud crud = new Crud(env, Kind.LOCK);
        r.get("/api/v1/locks", Access.READ, crud::list);
        r.get("/api/v1/locks/{name}", Access.READ, crud::get);
        r.put("/api/v1/locks/{name}", Access.WRITE, ctx -> acquire(env, ctx));
        r.delete("/api/v1/locks/{name}", Access.WRITE, ctx -> release(env, ctx));
    }

    private static void acquire(Env env, Context ctx) {
        Acquire body = Http.body(env, ctx, Acquire.class);
        String key = ctx.pathParam("name");
        LockSpec spec = new LockSpec(Fields.required(body.owner(), "owner"), body.ttlMillis());
        Crud.check(Check.name("key", key).or(() -> spec.validate()));
        Http.act(
                env,
                ctx,
                200,
                new Command.AcquireLock(UUID.randomUUID().toString(), key, spec.owner(), spec.ttlMillis()));
    }

    private static void release(Env env, Context ctx) {
        String owner = Fields.str(ctx.queryParam("owner"));
        Crud.check(Check.name("owner", owner));
        Http.resource(Http.submit(env, new Command.ReleaseLock(ctx.pathParam("name"), owner), Http.caller(ctx)));
        ctx.status(204);
    }
}
