package dev.mvirt.bench.client;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP clients of the harness: HTTP/1.1 only. The JDK client's default (HTTP/2 with an h2c upgrade attempt on
 * plain HTTP) lost answers to requests the server had executed when a pooled connection was dropped, which turned
 * successful writes into unknown outcomes.
 */
public final class HttpClients {
    private HttpClients() {}

    /** A new HTTP/1.1 client with a 2 s connect timeout. */
    public static HttpClient http11() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }
}
