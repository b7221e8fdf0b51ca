package dev.mvirt.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.bench.history.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The register as an mvirt project: the key is the project name, the value its {@code spec.description}; a write
 * is a JSON merge patch, a CAS the same with {@code If-Match}, a linearizable read {@code ?consistent=true}.
 */
public final class MvirtKv implements KvClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;

    /** A client of the peer at {@code base} using {@code http}, bearer {@code token}, per-request {@code timeout}. */
    public MvirtKv(HttpClient http, URI base, String token, Duration timeout) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public KvResult create(String key, String value) {
        ObjectNode body = JSON.createObjectNode().put("name", key);
        body.putObject("spec").put("description", value);
        Answers.Reply r = Answers.send(
                http,
                request("/api/v1/projects")
                        .header("Content-Type", "application/json")
                        .POST(publish(body))
                        .build());
        if (r.status() == 409) {
            return new KvResult(Outcome.OK, "", 0, 409);
        }
        return written(r);
    }

    @Override
    public KvResult write(String key, String value) {
        return written(Answers.send(http, patch(key, value).build()));
    }

    @Override
    public KvResult cas(String key, long revision, String value) {
        Answers.Reply r = Answers.send(
                http,
                patch(key, value).header("If-Match", "\"" + revision + "\"").build());
        return written(r);
    }

    @Override
    public KvResult read(String key, boolean linearizable) {
        String path = "/api/v1/projects/" + enc(key) + (linearizable ? "?consistent=true" : "");
        Answers.Reply r = Answers.send(http, request(path).GET().build());
        if (r.status() != 200) {
            return new KvResult(Outcome.UNKNOWN, "", 0, r.status());
        }
        JsonNode j = parse(r.body());
        return new KvResult(Outcome.OK, description(j), j.path("revision").asLong(0), 200);
    }

    /** The register value a resource view carries. */
    public static String description(JsonNode resource) {
        return resource.path("spec").path("description").asText("");
    }

    private HttpRequest.Builder patch(String key, String value) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("spec").put("description", value);
        return request("/api/v1/projects/" + enc(key))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", publish(body));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization", "Bearer " + token);
    }

    private static KvResult written(Answers.Reply r) {
        Outcome o = Answers.ofWrite(r);
        long revision = o == Outcome.OK ? parse(r.body()).path("revision").asLong(0) : 0;
        return new KvResult(o, "", revision, r.status());
    }

    private static HttpRequest.BodyPublisher publish(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
