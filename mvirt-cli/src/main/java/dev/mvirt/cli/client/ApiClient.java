package dev.mvirt.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A client of the mvirt REST API. Every request carries {@code Authorization: Bearer TOKEN}; problems become
 * {@link ApiError}s and connection failures {@link Unreachable}. Thread-safe; one per command run (or per TUI).
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private final HttpClient http;

    public ApiClient(Connection connection) {
        this.connection = connection;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The shared JSON mapper. */
    public static ObjectMapper json() {
        return JSON;
    }

    public Connection connection() {
        return connection;
    }

    /** GET {@code path}. */
    public JsonNode get(String path) {
        return send("GET", path, Map.of(), null, Map.of()).body();
    }

    /** GET {@code path} with a query. */
    public Answer get(String path, Map<String, String> query) {
        return send("GET", path, query, null, Map.of());
    }

    /** Sends one request and reads the whole answer. */
    public Answer send(
            String method,
            String path,
            Map<String, String> query,
            @Nullable JsonNode body,
            Map<String, String> headers) {
        HttpRequest.Builder b = request(path, query).timeout(Duration.ofSeconds(150));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> res = call(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode parsed = parse(res.body());
        if (res.statusCode() >= 400) {
            throw problem(res.statusCode(), parsed, method, path);
        }
        return new Answer(res.statusCode(), parsed, res.headers().map());
    }

    /** Opens the event stream ({@code GET /api/v1/events}); the caller closes it. */
    public EventStream events(Map<String, String> query) {
        HttpRequest req = request("/api/v1/events", query)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<InputStream> res = call(req, HttpResponse.BodyHandlers.ofInputStream());
        if (res.statusCode() >= 400) {
            try (InputStream in = res.body()) {
                throw problem(res.statusCode(), parse(in.readAllBytes()), "GET", "/api/v1/events");
            } catch (IOException e) {
                throw new Unreachable("the event stream failed: " + e.getMessage(), e);
            }
        }
        return new EventStream(res.body());
    }

    /** The absolute URI of {@code path} with {@code query}. */
    public URI uri(String path, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&", "?", "");
        q.setEmptyValue("");
        new TreeMap<>(query).forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return URI.create(connection.endpoint() + path + q);
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path, query)).header("Accept", "application/json");
        if (!connection.token().isEmpty()) {
            b.header("Authorization", "Bearer " + connection.token());
        }
        return b;
    }

    private <T> HttpResponse<T> call(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(req, handler);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new Unreachable("cannot reach " + connection.endpoint() + " (" + reason(e) + ")", e);
        } catch (HttpTimeoutException e) {
            throw new Unreachable(connection.endpoint() + " did not answer in time", e);
        } catch (IOException e) {
            throw new Unreachable("cannot talk to " + connection.endpoint() + " (" + reason(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof ConnectException
                && (e.getMessage() == null || e.getMessage().isBlank())) {
            return "connection refused";
        }
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static ApiError problem(int status, JsonNode body, String method, String path) {
        String code = body.path("code").asText("");
        String detail = body.path("detail").asText("");
        if (detail.isEmpty()) {
            detail = method + " " + path + " answered " + status;
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        body.path("reasons")
                .properties()
                .forEach(e -> reasons.put(e.getKey(), e.getValue().asText()));
        return new ApiError(
                status,
                code.isEmpty() ? "http_" + status : code,
                detail,
                body.path("field").asText(""),
                reasons);
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static byte[] write(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
