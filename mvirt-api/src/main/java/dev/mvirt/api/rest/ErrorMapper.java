package dev.mvirt.api.rest;

import dev.mvirt.api.state.Result;
import dev.mvirt.api.store.StoreException;
import dev.mvirt.api.store.Watch;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: typed rejections from the state, {@link ApiException}s from
 * handlers, Javalin's own responses (404, 413), store failures (503) and bugs (500, logged with the request id,
 * never shown).
 */
final class ErrorMapper {
    private static final java.util.regex.Pattern GIVEN_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final String REQUEST_ID = "mvirt.requestId";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private final Json json;

    ErrorMapper(Json json) {
        this.json = json;
    }

    /** The problem for a state rejection. */
    static ApiException rejection(Result r) {
        return switch (r) {
            case Result.NotFound nf -> ApiException.notFound(nf.kind().plural() + " " + nf.id());
            case Result.Conflict c -> new ApiException(409, c.code(), c.message());
            case Result.Invalid i ->
                i.error().field().equals("Idempotency-Key")
                        ? new ApiException(
                                422, "idempotency_key_reused", i.error().reason(), Map.of("field", "Idempotency-Key"))
                        : ApiException.invalid(i.error().field(), i.error().toString());
            case Result.PreconditionFailed p ->
                new ApiException(
                        412,
                        "precondition_failed",
                        "expected revision " + p.expected() + " but the resource is at " + p.current(),
                        Map.of("expected", p.expected(), "current", p.current()));
            case Result.NoCapacity n ->
                new ApiException(409, "no_capacity", "no node can take this VM now", Map.of("reasons", n.reasons()));
            case Result.Ok ok -> internal();
            case Result.Done d -> internal();
        };
    }

    /** Renders any exception a handler threw. */
    void handle(Exception e, Context ctx) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        ApiException p = switch (t) {
            case ApiException a -> a;
            case StoreException s -> {
                // the one line an operator sees for a write or consistent read the cluster could not serve
                LOG.warn(
                        "request {} {} answered 503 (requestId={}): {}",
                        ctx.method(),
                        ctx.path(),
                        requestId(ctx),
                        s.getMessage());
                yield new ApiException(503, "unavailable", "the cluster cannot answer now: " + s.getMessage());
            }
            case Watch.ResyncRequired r ->
                new ApiException(
                        410,
                        "resync_required",
                        "that revision is no longer kept; list again and watch from the list's revision",
                        Map.of("oldestRevision", r.oldestAvailable()));
            case UnsupportedOperationException u ->
                new ApiException(501, "not_supported", "this cluster does not support that operation");
            case HttpResponseException h -> fromJavalin(h);
            default -> {
                LOG.error("request {} {} failed (requestId={})", ctx.method(), ctx.path(), requestId(ctx), t);
                yield internal();
            }
        };
        write(ctx, p);
    }

    /** Writes {@code p} as problem+json. */
    void write(Context ctx, ApiException p) {
        var body = Problem.of(p.status(), p.code(), p.detail(), ctx.path(), requestId(ctx), p.extra());
        ctx.status(p.status()).contentType(Problem.CONTENT_TYPE).result(json.write(body));
    }

    /** The id of this request (from a valid X-Request-Id, or new), echoed in a header. */
    static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        if (id == null) {
            String given = ctx.header("X-Request-Id");
            id = given != null && GIVEN_ID.matcher(given).matches() ? given : newRequestId();
            ctx.attribute(REQUEST_ID, id);
            ctx.header("X-Request-Id", id);
        }
        return id;
    }

    /**
     * A random (version 4) UUID from {@link java.util.concurrent.ThreadLocalRandom}: a request id must be unique, not
     * unguessable, and {@code UUID.randomUUID()} read the shared SecureRandom under its lock on every request.
     */
    static String newRequestId() {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    private static ApiException fromJavalin(HttpResponseException h) {
        return switch (h.getStatus()) {
            case 404 -> new ApiException(404, "not_found", "no such endpoint");
            case 405 -> new ApiException(405, "method_not_allowed", "method not allowed here");
            case 413 -> new ApiException(413, "too_large", "the request body is too large");
            case 400 -> ApiException.malformed("", "the request cannot be read");
            default ->
                h.getStatus() >= 500 ? internal() : new ApiException(h.getStatus(), "rejected", "request rejected");
        };
    }

    private static ApiException internal() {
        return new ApiException(500, "internal", "internal error; quote the requestId when reporting it");
    }
}
