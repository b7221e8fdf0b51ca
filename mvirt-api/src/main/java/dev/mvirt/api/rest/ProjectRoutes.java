package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;

/** {@code /api/v1/projects}: namespaces for everything but nodes and locks; creating and deleting is for admins. */
final class ProjectRoutes {
    private ProjectRoutes() {}

    static void register(Routes r, Env env) {
        Crud crud = new Crud(env, Kind.PROJECT);
        String base = "/api/v1/projects";
        r.get(base, Access.READ, crud::list);
        r.post(base, Access.ADMIN, ctx -> crud.create(ctx, 201));
        r.get(base + "/{name}", Access.READ, crud::get);
        r.patch(base + "/{name}", Access.WRITE, crud::patch);
        r.delete(base + "/{name}", Access.ADMIN, crud::delete);
    }
}
