package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;

/** {@code /api/v1/projects/{project}/networks}: a network with NICs is deleted only with {@code ?force=true}. */
final class NetworkRoutes {
    private NetworkRoutes() {}

    static void register(Routes r, Env env) {
        Crud crud = new Crud(env, Kind.NETWORK);
        String base = "/api/v1/projects/{project}/networks";
        r.get(base, Access.READ, crud::list);
        r.post(base, Access.WRITE, ctx -> crud.create(ctx, 201));
        r.get(base + "/{name}", Access.READ, crud::get);
        r.patch(base + "/{name}", Access.WRITE, crud::patch);
        r.delete(base + "/{name}", Access.WRITE, crud::delete);
    }
}
