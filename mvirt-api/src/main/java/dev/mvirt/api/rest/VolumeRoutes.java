package dev.mvirt.api.rest;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.Command;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/projects/{project}/volumes}: volumes, resized by PATCH, with snapshots and rollback. */
final class VolumeRoutes {
    private VolumeRoutes() {}

    /** The body of a snapshot request. */
    record SnapshotBody(@Nullable String name) {}

    /** The body of a rollback. */
    record RollbackBody(@Nullable String snapshot) {}

    static void register(Routes r, Env env) {
        Crud crud = new Crud(env, Kind.VOLUME);
        String base = "/api/v1/projects/{project}/volumes";
        r.get(base, Access.READ, crud::list);
        r.post(base, Access.WRITE, ctx -> crud.create(ctx, 201));
        r.get(base + "/{name}", Access.READ, crud::get);
        r.patch(base + "/{name}", Access.WRITE, crud::patch);
        r.delete(base + "/{name}", Access.WRITE, crud::delete);
        r.post(base + "/{name}/snapshots", Access.WRITE, ctx -> snapshot(env, crud, ctx));
        r.delete(base + "/{name}/snapshots/{snapshot}", Access.WRITE, ctx -> deleteSnapshot(env, crud, ctx));
        r.post(base + "/{name}/rollback", Access.WRITE, ctx -> rollback(env, crud, ctx));
    }

    private static void snapshot(Env env, Crud crud, Context ctx) {
        String name = Fields.required(Http.body(env, ctx, SnapshotBody.class).name(), "name");
        Crud.check(Check.name("name", name));
        Resource<?, ?> v = crud.target(env.store().read(), ctx);
        Http.act(env, ctx, 201, new Command.CreateSnapshot(v.id(), name));
    }

    private static void deleteSnapshot(Env env, Crud crud, Context ctx) {
        Resource<?, ?> v = crud.target(env.store().read(), ctx);
        Http.act(env, ctx, 200, new Command.DeleteSnapshot(v.id(), ctx.pathParam("snapshot")));
    }

    private static void rollback(Env env, Crud crud, Context ctx) {
        String snapshot =
                Fields.required(Http.body(env, ctx, RollbackBody.class).snapshot(), "snapshot");
        Crud.check(Check.name("snapshot", snapshot));
        Resource<?, ?> v = crud.target(env.store().read(), ctx);
        Http.act(env, ctx, 202, new Command.RollbackVolume(v.id(), snapshot));
    }
}
