package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConventionsTest {
    private static final String NETS = "/api/v1/projects/default/networks";
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    private void networks(int n) {
        for (int i = 0; i < n; i++) {
            String labels = i % 2 == 0 ? "{\"env\":\"prod\",\"tier\":\"web\"}" : "{\"env\":\"dev\"}";
            c.post(
                            NETS,
                            "{\"name\":\"n" + (char) ('a' + i) + "\",\"labels\":" + labels
                                    + ",\"spec\":{\"ipv4Cidr\":\"10." + i + ".0.0/24\"}}")
                    .expect(201);
        }
    }

    @Test
    void pagingWalksEveryItemOnce() {
        networks(7);
        List<String> names = new ArrayList<>();
        String next = "";
        do {
            JsonNode page = c.get(NETS + "?limit=3" + (next.isEmpty() ? "" : "&continue=" + next))
                    .expect(200)
                    .json();
            page.get("items").forEach(i -> names.add(i.get("name").asText()));
            next = page.path("continue").asText("");
        } while (!next.isEmpty());
        assertThat(names).containsExactly("na", "nb", "nc", "nd", "ne", "nf", "ng");
        c.unchecked().get(NETS + "?limit=0").problem(422, "invalid");
        c.get(NETS + "?continue=bm9wZQ").problem(422, "invalid");
    }

    @Test
    void labelSelectors() {
        networks(5);
        assertThat(c.get(NETS + "?labels=env=prod,tier").json().get("items")).hasSize(3);
        assertThat(c.get(NETS + "?labels=env!=prod").json().get("items")).hasSize(2);
        assertThat(c.get(NETS + "?labels=!tier&limit=1").json().get("items")).hasSize(1);
        c.get(NETS + "?labels=a%3D%3D%3Db").problem(422, "invalid");
        assertThat(c.get(NETS + "?consistent=true").json().get("items")).hasSize(5);
    }

    @Test
    void idempotencyKeyReplaysOrRefuses() {
        String body = "{\"name\":\"lan\",\"spec\":{\"ipv4Cidr\":\"10.0.0.0/24\"}}";
        JsonNode first =
                c.post(NETS, body, "Idempotency-Key", "k-1").expect(201).json();
        JsonNode again =
                c.post(NETS, body, "Idempotency-Key", "k-1").expect(201).json();
        assertThat(again.get("id").asText()).isEqualTo(first.get("id").asText());
        String reordered = "{\"spec\":{\"ipv4Cidr\":\"10.0.0.0/24\"},\"name\":\"lan\"}";
        c.post(NETS, reordered, "Idempotency-Key", "k-1").expect(201);
        String other = "{\"name\":\"lan2\",\"spec\":{\"ipv4Cidr\":\"10.0.0.0/24\"}}";
        c.post(NETS, other, "Idempotency-Key", "k-1").problem(422, "idempotency_key_reused");
    }

    @Test
    void unknownThingsAre404AndWrongMediaIs415() throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(c.base() + "/api/v1/nothing"))
                .header("Authorization", "Bearer " + c.token())
                .build();
        var r404 =
                java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        new Reply(r404.statusCode(), r404.headers(), r404.body()).problem(404, "not_found");
        c.get("/api/v1/projects/nope/vms").problem(404, "not_found");
        c.unchecked().post(NETS, "name=x", "Content-Type", "text/plain").problem(415, "unsupported_media_type");
        Reply r = c.get("/api/v1/projects", "X-Request-Id", "trace-42");
        assertThat(r.header("X-Request-Id")).isEqualTo("trace-42");
    }

    @Test
    void lostQuorumIs503AndNothingChanges() {
        f.faults().noQuorum = true;
        long before = f.revision();
        c.post(NETS, "{\"name\":\"lan\",\"spec\":{\"ipv4Cidr\":\"10.0.0.0/24\"}}")
                .problem(503, "unavailable");
        c.get(NETS + "?consistent=true").problem(503, "unavailable");
        assertThat(c.get(NETS).expect(200).json().get("items")).isEmpty();
        assertThat(f.revision()).isEqualTo(before);
    }
}
