package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterSettingsApiTest {
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void healthProbesNeedNoToken() {
        Client anon = c.as("");
        assertThat(anon.get("/health/live").expect(200).json().get("status").asText())
                .isEqualTo("ok");
        JsonNode ready = anon.get("/health/ready").expect(200).json();
        assertThat(ready.get("ready").asBoolean()).isTrue();
        assertThat(ready.get("role").asText()).isEqualTo("leader");
        assertThat(ready.get("leader").asText()).isEqualTo("api-1");
        assertThat(ready.has("peers")).isFalse();
        assertThat(anon.get("/health/ready?verbose=true").expect(200).json().get("peers"))
                .hasSize(1);
        assertThat(anon.get("/api/v1/openapi.json")
                        .expect(200)
                        .json()
                        .get("openapi")
                        .asText())
                .isEqualTo("3.1.0");
    }

    @Test
    void metricsShowRequestsAndRaftPositions() {
        c.get("/api/v1/projects").expect(200);
        String text = c.as("").get("/metrics").expect(200).body();
        assertThat(text).contains("mvirt_http_requests_seconds_count").contains("route=\"/api/v1/projects\"");
        assertThat(text).contains("mvirt_cluster_term").contains("mvirt_cluster_applied_index");
    }

    @Test
    void clusterViewAndActions() {
        JsonNode view = c.get("/api/v1/cluster").expect(200).json();
        assertThat(view.get("self").asText()).isEqualTo("api-1");
        assertThat(view.get("peers").get(0).get("leader").asBoolean()).isTrue();
        assertThat(c.get("/api/v1/cluster/peers").expect(200).json().get("items"))
                .hasSize(1);
        assertThat(c.get("/api/v1/cluster/leader")
                        .expect(200)
                        .json()
                        .get("leader")
                        .asText())
                .isEqualTo("api-1");
        c.post("/api/v1/cluster/snapshot", "").expect(200);
        c.post("/api/v1/cluster/peers", "{\"id\":\"api-2\",\"address\":\"127.0.0.1:6002\"}")
                .problem(501, "not_supported");
        c.post("/api/v1/cluster/peers", "{\"id\":\"api-1\",\"address\":\"127.0.0.1:6002\"}")
                .problem(409, "peer_exists");
        c.post("/api/v1/cluster/peers", "{\"id\":\"api-3\",\"address\":\"no port\"}")
                .problem(422, "invalid");
        c.delete("/api/v1/cluster/peers/api-9").problem(404, "not_found");
        c.post("/api/v1/cluster/leader", "{\"id\":\"api-9\"}").problem(422, "invalid");
        c.post("/api/v1/cluster/leader", "{\"id\":\"api-1\"}").problem(501, "not_supported");
    }

    @Test
    void settingsAndFeatures() {
        JsonNode s = c.patch("/api/v1/settings", "{\"scheduler.strategy\":\"binpack\"}")
                .expect(200)
                .json();
        assertThat(s.at("/values/scheduler.strategy").asText()).isEqualTo("binpack");
        JsonNode p = c.patch("/api/v1/settings", "{\"scheduler.strategy\":\"random\"}")
                .problem(422, "invalid");
        assertThat(p.get("field").asText()).isEqualTo("settings.scheduler.strategy");
        c.patch("/api/v1/settings", "{\"no.such\":\"1\"}").problem(422, "invalid");
        JsonNode flags = c.put("/api/v1/features/console", "{\"enabled\":true}")
                .expect(200)
                .json();
        assertThat(flags.at("/features/console").asBoolean()).isTrue();
        assertThat(c.get("/api/v1/features")
                        .expect(200)
                        .json()
                        .at("/features/console")
                        .asBoolean())
                .isTrue();
        assertThat(c.get("/api/v1/settings?consistent=true")
                        .expect(200)
                        .json()
                        .at("/values/feature.console")
                        .asText())
                .isEqualTo("true");
    }
}
