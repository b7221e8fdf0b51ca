package dev.mvirt.api.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/** Registers handlers behind the {@link Guard}: each route states the {@link Access} it needs. */
final class Routes {
    private final RoutesConfig routes;
    private final Guard guard;

    Routes(RoutesConfig routes, Guard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    void get(String path, Access access, Handler h) {
        routes.get(path, guarded(access, h));
    }

    void post(String path, Access access, Handler h) {
        routes.post(path, guarded(access, h));
    }

    void put(String path, Access access, Handler h) {
        routes.put(path, guarded(access, h));
    }

    void patch(String path, Access access, Handler h) {
        routes.patch(path, guarded(access, h));
    }

    void delete(String path, Access access, Handler h) {
        routes.delete(path, guarded(access, h));
    }

    private Handler guarded(Access access, Handler h) {
        return ctx -> {
            guard.check(ctx, access);
            h.handle(ctx);
        };
    }
}
