package dev.mvirt.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.api.auth.SecretKeys;
import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Settings;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@code /api/v1/settings} and {@code /api/v1/features}: cluster settings and feature flags ({@code feature.*}). */
final class SettingsRoutes {
    private static final String FEATURE = "feature.";

    private SettingsRoutes() {}

    /** The body of a feature toggle. */
    record Toggle(boolean enabled) {}

    static void register(Routes r, Env env) {
        r.get("/api/v1/settings", Access.READ, ctx -> Http.json(env, ctx, 200, settings(Http.read(env, ctx))));
        r.patch("/api/v1/settings", Access.ADMIN, ctx -> patch(env, ctx));
        r.get("/api/v1/features", Access.READ, ctx -> Http.json(env, ctx, 200, features(Http.read(env, ctx))));
        r.put("/api/v1/features/{feature}", Access.ADMIN, ctx -> toggle(env, ctx));
    }

    private static void patch(Env env, Context ctx) {
        JsonNode body = Http.body(env, ctx);
        if (!body.isObject()) {
            throw ApiException.malformed("", "settings are an object of strings");
        }
        Map<String, String> changes = new TreeMap<>();
        body.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw ApiException.malformed(e.getKey(), "setting values are strings");
            }
            if (SecretKeys.isSecret(e.getKey())) {
                throw ApiException.invalid(e.getKey(), "tokens change through /api/v1/tokens and /api/v1/join-tokens");
            }
            changes.put(e.getKey(), e.getValue().textValue());
        });
        set(env, ctx, changes);
        Http.json(env, ctx, 200, settings(env.store().read()));
    }

    private static void toggle(Env env, Context ctx) {
        Toggle t = Http.body(env, ctx, Toggle.class);
        String name = ctx.pathParam("feature");
        Crud.check(Check.name("feature", name));
        set(env, ctx, Map.of(FEATURE + name, Boolean.toString(t.enabled())));
        Http.json(env, ctx, 200, features(env.store().read()));
    }

    private static void set(Env env, Context ctx, Map<String, String> changes) {
        Crud.check(Settings.validate(changes));
        var outcome = Http.submit(env, new Command.SetSettings(changes), Http.caller(ctx));
        if (!outcome.result().ok()) {
            throw ErrorMapper.rejection(outcome.result());
        }
    }

    private static Map<String, Object> settings(ClusterState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> values = new TreeMap<>(s.settings().values());
        values.keySet().removeIf(SecretKeys::isSecret);
        m.put("values", values);
        m.put("revision", s.revision());
        return m;
    }

    private static Map<String, Object> features(ClusterState s) {
        Map<String, Boolean> flags = new TreeMap<>();
        s.settings().values().forEach((k, v) -> {
            if (k.startsWith(FEATURE)) {
                flags.put(k.substring(FEATURE.length()), Boolean.parseBoolean(v));
            }
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", flags);
        m.put("revision", s.revision());
        return m;
    }
}
