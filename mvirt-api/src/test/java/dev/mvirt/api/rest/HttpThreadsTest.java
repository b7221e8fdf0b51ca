package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each request runs on a virtual thread of its own ({@link HttpApi#threadPool}): requests that wait a long time (event
 * streams, writes waiting for a quorum) hold none of the bounded platform threads Jetty's selectors need.
 */
class HttpThreadsTest {
    private static final int STREAMS = 2 * HttpApi.MAX_PLATFORM_THREADS;
    private final RestFixture f = RestFixture.start(c -> c.withLimits(1 << 20, 32, STREAMS));
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void moreOpenEventStreamsThanPlatformThreadsLeaveRequestsAnswered() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                // answers once the stream's handler runs and has sent its headers
                HttpResponse<Stream<String>> r = http.send(
                        HttpRequest.newBuilder(URI.create(c.base() + "/api/v1/events"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + c.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
                open.add(r);
                assertThat(r.statusCode()).as("stream %d", i).isEqualTo(200);
            }
            c.post("/api/v1/projects", "{\"name\":\"busy\",\"spec\":{}}").expect(201);
            c.get("/api/v1/projects/busy").expect(200);
        } finally {
            open.forEach(r -> r.body().close());
        }
    }
}
