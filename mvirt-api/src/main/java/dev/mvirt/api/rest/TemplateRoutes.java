package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;

/**
 * {@code /api/v1/projects/{project}/templates}: an import request answers 202; its progress is the status, followed
 * with {@code GET ...?waitFor=ready}.
 */
final class TemplateRoutes {
    private TemplateRoutes() {}

    static void register(Routes r, Env env) {
        Crud crud = new Crud(env, Kind.TEMPLATE);
        String base = "/api/v1/projects/{project}/templates";
        r.get(base, Access.READ, crud::list);
        r.post(base, Access.WRITE, ctx -> crud.create(ctx, 202));
        r.get(base + "/{name}", Access.READ, crud::get);
        r.patch(base + "/{name}", Access.WRITE, crud::patch);
        r.delete(base + "/{name}", Access.WRITE, crud::delete);
    }
}
