package dev.mvirt.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.FieldError;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * List, get, create, patch and delete, the same for every kind: the per-resource classes register these and add
 * their own actions. Input is fully validated here, so bad input never reaches the log.
 */
final class Crud {
    private final Env env;
    private final Kind kind;

    /** The body of a create. */
    record CreateBody(
            @Nullable String name,
            @Nullable Map<String, String> labels,
            @Nullable JsonNode spec) {}

    Crud(Env env, Kind kind) {
        this.env = env;
        this.kind = kind;
    }

    /** The project of the path ("" for cluster-wide kinds). */
    String scope(ClusterState s, Context ctx) {
        return kind.projectScoped() ? Http.project(s, ctx) : "";
    }

    /** The resource the path names, from {@code s}. */
    Resource<?, ?> target(ClusterState s, Context ctx) {
        return Http.find(s, kind, scope(s, ctx), ctx.pathParam("name"));
    }

    void list(Context ctx) {
        ClusterState s = Http.read(env, ctx);
        Listing.answer(env, ctx, s, kind, scope(s, ctx));
    }

    void get(Context ctx) throws InterruptedException {
        ClusterState s = Http.read(env, ctx);
        Resource<?, ?> r = target(s, ctx);
        if (ctx.queryParam("waitFor") != null) {
            r = Waiter.await(env, ctx, kind, r);
            s = env.store().read();
        }
        Http.resource(env, ctx, 200, r, s);
    }

    void create(Context ctx, int status) {
        JsonNode body = Http.body(env, ctx);
        CreateBody b = env.json().convert(body, CreateBody.class, "");
        ClusterState s = env.store().read();
        String project = scope(s, ctx);
        String name = Fields.required(b.name(), "name");
        Map<String, String> labels = Fields.map(b.labels(), "labels");
        check(Check.name("name", name).or(() -> Check.labels("labels", labels)));
        String id = UUID.randomUUID().toString();
        JsonNode specNode = Fields.required(b.spec(), "spec");
        Spec spec = spec(specNode, new Refs(s, project, name, id));
        var outcome =
                Http.submit(env, new Command.Create(id, project, name, labels, spec), Http.caller(env, ctx, body));
        Resource<?, ?> r = Http.resource(outcome);
        ctx.header("Location", ctx.path() + "/" + r.name());
        Http.resource(env, ctx, status, r, env.store().read());
    }

    void patch(Context ctx) {
        JsonNode body = Http.body(env, ctx);
        if (!body.isObject()) {
            throw ApiException.malformed("", "a merge patch is an object with labels and/or spec");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("labels") && !f.equals("spec")) {
                throw ApiException.malformed(f, "unknown field '" + f + "'");
            }
        });
        ClusterState s = env.store().read();
        Resource<?, ?> r = target(s, ctx);
        Resource<?, ?> out = r;
        long expected = Http.ifMatch(ctx);
        if (body.has("spec")) {
            JsonNode merged = MergePatch.apply(env.json().mapper().valueToTree(SpecDto.of(r.spec())), body.get("spec"));
            Spec spec = spec(merged, new Refs(s, r.meta().project(), r.name(), r.id()));
            // with If-Match the state checks the revision even for a no-op patch (this peer may be behind)
            if (!spec.equals(r.spec()) || expected != 0) {
                out = Http.resource(
                        Http.submit(env, new Command.UpdateSpec(kind, r.id(), expected, spec), Http.caller(ctx)));
                expected = expected == 0 ? 0 : out.revision();
            }
        }
        if (body.has("labels")) {
            JsonNode merged =
                    MergePatch.apply(env.json().mapper().valueToTree(r.meta().labels()), body.get("labels"));
            Map<String, String> labels = Fields.map(labelMap(merged), "labels");
            check(Check.labels("labels", labels));
            if (!labels.equals(r.meta().labels()) || expected != 0) {
                out = Http.resource(
                        Http.submit(env, new Command.SetLabels(kind, r.id(), expected, labels), Http.caller(ctx)));
            }
        }
        Http.resource(env, ctx, 200, out, env.store().read());
    }

    void delete(Context ctx) {
        ClusterState s = env.store().read();
        Resource<?, ?> r = target(s, ctx);
        boolean force = "true".equals(ctx.queryParam("force"));
        Http.resource(Http.submit(env, new Command.Delete(kind, r.id(), Http.ifMatch(ctx), force), Http.caller(ctx)));
        ctx.status(204);
    }

    /** Reads, resolves and validates a spec of this kind. */
    Spec spec(JsonNode node, Refs refs) {
        Spec spec = env.json().convert(node, SpecDto.type(kind), "spec").toSpec(refs);
        check(spec.validate());
        return spec;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> labelMap(JsonNode merged) {
        if (!merged.isObject()) {
            throw ApiException.malformed("labels", "labels are an object of strings");
        }
        merged.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw ApiException.malformed("labels." + e.getKey(), "label values are strings");
            }
        });
        return env.json().convert(merged, Map.class, "labels");
    }

    static void check(Optional<FieldError> error) {
        error.ifPresent(e -> {
            throw ApiException.invalid(e.field(), e.toString());
        });
    }
}
