package dev.mvirt.api.rest;

import dev.mvirt.api.store.DataStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bearer tokens: 401 without a live token, 403 when its role is below the route's {@link Access} or the path's
 * project is outside its scope. Viewers read, operators write, admins also run the cluster, settings and tokens.
 */
final class TokenGuard implements Guard {
    private final DataStore store;
    private final TokenBook book;
    private final Clock clock;

    TokenGuard(DataStore store, TokenBook book, Clock clock) {
        this.store = store;
        this.book = book;
        this.clock = clock;
    }

    @Override
    public void check(Context ctx, Access access) {
        if (access == Access.PUBLIC) {
            return;
        }
        String h = Fields.str(ctx.header("Authorization"));
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated(ctx);
        }
        TokenBook.Record r = authenticate(h.substring(7).trim()).orElseThrow(() -> unauthenticated(ctx));
        Principal p = new Principal(r.name(), level(r.role()), r.projects());
        if (p.access().compareTo(access) < 0) {
            throw new ApiException(403, "forbidden", "a " + r.role() + " token may not do this");
        }
        String project = project(ctx);
        if (!p.projects().isEmpty() && (project.isEmpty() ? access != Access.READ : !p.inProject(project))) {
            throw new ApiException(403, "forbidden", "this token is limited to projects " + p.projects());
        }
        ctx.attribute(Http.PRINCIPAL, p);
    }

    /**
     * The token's record from this peer's state; when this peer does not know it (yet), from a linearizable read,
     * so a token created a moment ago through another peer works here at once.
     */
    private Optional<TokenBook.Record> authenticate(String secret) {
        long now = clock.millis();
        Optional<TokenBook.Record> r = book.authenticate(store.read(), secret, now);
        if (r.isPresent() || !secret.startsWith("mvt_")) {
            return r;
        }
        try {
            return book.authenticate(store.readConsistent().get(5, TimeUnit.SECONDS), secret, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    static Access level(String role) {
        return switch (role) {
            case "admin" -> Access.ADMIN;
            case "operator" -> Access.WRITE;
            default -> Access.READ;
        };
    }

    private static String project(Context ctx) {
        var params = ctx.pathParamMap();
        if (params.containsKey("project")) {
            return params.getOrDefault("project", "");
        }
        return ctx.path().startsWith("/api/v1/projects/") ? params.getOrDefault("name", "") : "";
    }

    private static ApiException unauthenticated(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"mvirt\"");
        return new ApiException(401, "unauthenticated", "send Authorization: Bearer TOKEN with a live token");
    }
}
