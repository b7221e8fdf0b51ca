package dev.mvirt.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Result;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.Deadlines;
import dev.mvirt.api.store.Outcome;
import dev.mvirt.api.store.StoreException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** The small steps every handler takes: read the body, build the caller, read the state, submit, answer. */
final class Http {
    static final String PRINCIPAL = "mvirt.principal";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final String BODY = "mvirt.body";
    private static final Pattern REVISION = Pattern.compile("(W/)?\"?([0-9]{1,18})\"?");

    private Http() {}

    /** The authenticated caller (set by the guard). */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        return p == null ? new Principal("anonymous", Access.READ, java.util.List.of()) : p;
    }

    /** The request body as JSON; 415 unless it is sent as JSON. */
    static JsonNode body(Env env, Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json") && !type.startsWith("application/merge-patch+json")) {
            throw new ApiException(415, "unsupported_media_type", "send the body as application/json");
        }
        return env.json().tree(bodyBytes(env, ctx));
    }

    /**
     * The request body's bytes, read once per request (kept as a request attribute), within the server's limit
     * ({@link RequestBody}). A body that declares its length is read into an array of that length: Javalin's own
     * reader allocated an 8 KiB buffer and a growing copy for every request (~6 % of the API server's allocations at
     * 64 writing clients).
     */
    static byte[] bodyBytes(Env env, Context ctx) {
        byte[] kept = ctx.attribute(BODY);
        if (kept != null) {
            return kept;
        }
        byte[] body = RequestBody.read(ctx, env.cfg().maxBodyBytes());
        ctx.attribute(BODY, body);
        return body;
    }

    /** The body read as {@code type}. */
    static <T> T body(Env env, Context ctx, Class<T> type) {
        return env.json().convert(body(env, ctx), type, "");
    }

    /** The caller without idempotency key. */
    static Caller caller(Context ctx) {
        return Caller.of(principal(ctx).name());
    }

    /** The caller with the request's Idempotency-Key and the hash of the method, path and canonical body. */
    static Caller caller(Env env, Context ctx, JsonNode body) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isEmpty()) {
            return caller(ctx);
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid("Idempotency-Key", "1 to 128 printable ASCII characters");
        }
        String canonical = ctx.method() + " " + ctx.path() + "\n" + env.json().canonical(body);
        String hash =
                Hashing.sha256().hashString(canonical, StandardCharsets.UTF_8).toString();
        return new Caller(principal(ctx).name(), principal(ctx).name() + ":" + key, hash);
    }

    /** The revision in If-Match ({@code "12"}, {@code 12} or {@code *}); 0 when absent. */
    static long ifMatch(Context ctx) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank() || h.trim().equals("*")) {
            return 0;
        }
        var m = REVISION.matcher(h.trim());
        if (!m.matches()) {
            throw ApiException.invalid("If-Match", "must be a revision such as \"12\"");
        }
        return Long.parseLong(m.group(2));
    }

    /** The state to read: local, or linearizable with {@code ?consistent=true}. */
    static ClusterState read(Env env, Context ctx) {
        if (!"true".equals(ctx.queryParam("consistent"))) {
            return env.store().read();
        }
        return await(env, env.store().readConsistent());
    }

    /** The project named in the path, which must exist and be open to the caller. */
    static String project(ClusterState state, Context ctx) {
        String project = ctx.pathParam("project");
        if (state.projects().byName("", project).isEmpty()) {
            throw ApiException.notFound("project '" + project + "'");
        }
        return project;
    }

    /** The resource of {@code kind} named {@code name} in {@code project} ("" for cluster kinds); 404 if none. */
    static Resource<?, ?> find(ClusterState state, Kind kind, String project, String name) {
        return state.table(kind)
                .byName(project, name)
                .orElseThrow(() -> ApiException.notFound(kind.plural() + " '" + name + "'"
                        + (project.isEmpty() ? "" : " in project '" + project + "'")));
    }

    /** Submits and waits for the commit; 503 when it cannot commit in time. */
    static Outcome submit(Env env, Command command, Caller caller) {
        return await(env, env.store().submit(command, caller));
    }

    /** The resource a successful command returned; a rejection becomes its problem. */
    static Resource<?, ?> resource(Outcome outcome) {
        return switch (outcome.result()) {
            case Result.Ok ok -> ok.resource();
            case Result.Done d ->
                throw new ApiException(409, "gone_since", "what this request created no longer exists");
            default -> throw ErrorMapper.rejection(outcome.result());
        };
    }

    /**
     * Waits for a store future, bounded by the write timeout ({@link Deadlines}: a timed wait would schedule and cancel
     * a timer for every request).
     */
    static <T> T await(Env env, CompletableFuture<T> f) {
        try {
            return Deadlines.bound(f, env.cfg().writeTimeout()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof TimeoutException) {
                throw new StoreException("the cluster did not answer in time", cause);
            }
            throw cause instanceof RuntimeException re ? re : new StoreException("the cluster failed", cause);
        }
    }

    /** Answers {@code body} as JSON with {@code status}. */
    static void json(Env env, Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(env.json().write(body));
    }

    /** Submits {@code command} for the caller and answers the resource it returns with {@code status}. */
    static void act(Env env, Context ctx, int status, Command command) {
        Resource<?, ?> r = resource(submit(env, command, caller(ctx)));
        resource(env, ctx, status, r, env.store().read());
    }

    /** Answers one resource with its ETag. */
    static void resource(Env env, Context ctx, int status, Resource<?, ?> r, ClusterState state) {
        ctx.header("ETag", "\"" + r.revision() + "\"");
        json(env, ctx, status, Views.of(r, state));
    }
}
