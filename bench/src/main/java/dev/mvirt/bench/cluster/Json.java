package dev.mvirt.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Small JSON-over-HTTP probes for health and leader checks: any failure is an empty answer. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** GET {@code uri}; the body as JSON when the status is {@code expect}. */
    static Optional<JsonNode> get(HttpClient http, URI uri, int expect) {
        return send(
                http,
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                expect);
    }

    /** POST {@code body} as JSON; the answer as JSON when the status is 200. */
    static Optional<JsonNode> post(HttpClient http, URI uri, String body) {
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(http, req, 200);
    }

    private static Optional<JsonNode> send(HttpClient http, HttpRequest req, int expect) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == expect ? Optional.of(MAPPER.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
