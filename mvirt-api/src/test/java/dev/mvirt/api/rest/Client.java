package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real HTTP against the app; every exchange is checked against the OpenAPI document (the request too, unless the
 * test sends a deliberately bad one through {@link #unchecked}).
 */
final class Client {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final boolean checkRequest;

    Client(String base, String token, boolean checkRequest) {
        this.base = base;
        this.token = token;
        this.checkRequest = checkRequest;
    }

    /** The same client with another bearer token ("" for none). */
    Client as(String newToken) {
        return new Client(base, newToken, checkRequest);
    }

    /** The same client without request validation (for malformed requests); answers are still validated. */
    Client unchecked() {
        return new Client(base, token, false);
    }

    String token() {
        return token;
    }

    String base() {
        return base;
    }

    Reply get(String path, String... headers) {
        return send("GET", path, "", headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, "", headers);
    }

    Reply post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    Reply put(String path, String json, String... headers) {
        return send("PUT", path, json, headers);
    }

    Reply patch(String path, String json, String... headers) {
        return send("PATCH", path, json, headers);
    }

    /** Sends {@code method path} with {@code body} (JSON unless a Content-Type header says otherwise). */
    Reply send(String method, String path, String body, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            h.put("Content-Type", "application/json");
        }
        if (!token.isEmpty()) {
            h.put("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        URI uri = URI.create(base + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        h.forEach(b::header);
        b.method(
                method,
                body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Reply reply = exchange(b.build());
        String errors = Contract.check(method, uri, h, body, reply, checkRequest);
        assertThat(errors)
                .as("OpenAPI check of %s %s -> %s %s", method, path, reply.status(), reply.body())
                .isEmpty();
        return reply;
    }

    private static Reply exchange(HttpRequest req) {
        try {
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
