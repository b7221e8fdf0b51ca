package dev.mvirt.api.rest;

import io.javalin.http.Context;

/**
 * Decides who calls and whether they may: reads the bearer token, answers 401/403 by throwing {@link
 * ApiException}, and leaves the caller's {@link Principal} on the request for {@link Http#principal}.
 */
interface Guard {
    /** Checks the request against {@code access}; throws 401 or 403. */
    void check(Context ctx, Access access);
}
