package dev.mvirt.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mvirt.api.store.ClusterInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What needs no token: {@code /health/live}, {@code /health/ready} (DESIGN §8: 200 when a leader is known and this
 * peer has applied up to the commit index, else 503), {@code /metrics}, and the OpenAPI document.
 */
final class HealthRoutes {
    private HealthRoutes() {}

    static void register(Routes r, Env env) {
        PrometheusMeterRegistry registry = env.cfg().registry();
        byte[] openapi = env.json().write(openApi());
        r.get("/health/live", Access.PUBLIC, ctx -> Http.json(env, ctx, 200, Map.of("status", "ok")));
        r.get("/health/ready", Access.PUBLIC, ctx -> {
            Map<String, Object> body = ready(env.cluster(), ctx.queryParamMap().containsKey("verbose"));
            Http.json(env, ctx, Boolean.TRUE.equals(body.get("ready")) ? 200 : 503, body);
        });
        r.get(
                "/metrics",
                Access.PUBLIC,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(registry.scrape()));
        r.get(
                "/api/v1/openapi.json",
                Access.PUBLIC,
                ctx -> ctx.contentType("application/json").result(openapi));
    }

    static Map<String, Object> ready(ClusterInfo c, boolean verbose) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready", c.ready());
        m.put("role", c.role().name().toLowerCase(Locale.ROOT));
        m.put("leader", c.leaderId().orElse(null));
        m.put("term", c.term());
        m.put("commitIndex", c.commitIndex());
        m.put("appliedIndex", c.appliedIndex());
        if (verbose) {
            m.put("self", c.selfId());
            m.put("peers", c.peers());
        }
        return m;
    }

    /** The OpenAPI document, read from the classpath YAML. */
    static JsonNode openApi() {
        try (InputStream in = HealthRoutes.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi.yaml", e);
        }
    }
}
