package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    private HttpResponse<Stream<String>> open(String query, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(c.base() + "/api/v1/events" + query))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + c.token());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    }

    /** The data lines of the next {@code n} events. */
    private static List<String> events(HttpResponse<Stream<String>> r, int n) {
        List<String> out = new ArrayList<>();
        Iterator<String> lines = r.body().iterator();
        while (out.size() < n && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data: ")) {
                out.add(line.substring(6));
            }
        }
        r.body().close();
        return out;
    }

    @Test
    void streamsFilteredEventsFromARevision() throws Exception {
        long start = f.revision();
        c.post("/api/v1/projects", "{\"name\":\"p2\",\"spec\":{}}").expect(201);
        c.post("/api/v1/projects/default/networks", "{\"name\":\"lan\",\"spec\":{\"ipv4Cidr\":\"10.0.0.0/24\"}}")
                .expect(201);
        c.post("/api/v1/projects/p2/networks", "{\"name\":\"lan\",\"spec\":{\"ipv4Cidr\":\"10.0.0.0/24\"}}")
                .expect(201);
        var r = open("?kind=networks&project=p2&fromRevision=" + start);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> got = events(r, 1);
        assertThat(got.get(0))
                .contains("\"type\":\"created\"")
                .contains("\"kind\":\"networks\"")
                .contains("\"project\":\"p2\"");
    }

    @Test
    void resumesWithLastEventId() throws Exception {
        c.post("/api/v1/projects", "{\"name\":\"a\",\"spec\":{}}").expect(201);
        long after = f.revision();
        c.post("/api/v1/projects", "{\"name\":\"b\",\"spec\":{}}").expect(201);
        var r = open("", "Last-Event-ID", Long.toString(after));
        assertThat(events(r, 1).get(0)).contains("\"name\":\"b\"");
    }

    @Test
    void tooOldRevisionIs410AndBadInputIs422() {
        f.faults().historyFloor = 5;
        c.get("/api/v1/events?fromRevision=1").problem(410, "resync_required");
        c.get("/api/v1/events?kind=gadgets").problem(422, "invalid");
        c.unchecked().get("/api/v1/events?fromRevision=-3").problem(422, "invalid");
    }

    @Test
    void streamsPerTokenAreBounded() throws Exception {
        try (RestFixture small = RestFixture.start(cfg -> cfg.withLimits(1 << 20, 32, 1))) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(small.client.base() + "/api/v1/events"))
                    .header("Authorization", "Bearer " + small.client.token())
                    .build();
            var first = HTTP.send(req, HttpResponse.BodyHandlers.ofLines());
            assertThat(first.statusCode()).isEqualTo(200);
            small.client.get("/api/v1/events").problem(429, "too_many_streams");
            first.body().close();
        }
    }
}
