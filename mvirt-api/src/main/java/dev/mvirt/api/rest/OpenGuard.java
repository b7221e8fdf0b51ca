package dev.mvirt.api.rest;

import io.javalin.http.Context;
import java.util.List;

/** Lets everyone in as an admin named "anonymous". */
final class OpenGuard implements Guard {
    @Override
    public void check(Context ctx, Access access) {
        ctx.attribute(Http.PRINCIPAL, new Principal("anonymous", Access.ADMIN, List.of()));
    }
}
