package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.TemplatePhase;
import dev.mvirt.api.model.TemplateStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StorageNodeApiTest {
    private static final String VOLS = "/api/v1/projects/default/volumes";
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void volumeResizeSnapshotsRollback() {
        c.post(VOLS, "{\"name\":\"d\",\"spec\":{\"sizeBytes\":1048576}}").expect(201);
        assertThat(c.patch(VOLS + "/d", "{\"spec\":{\"sizeBytes\":2097152}}")
                        .expect(200)
                        .json()
                        .at("/spec/sizeBytes")
                        .asLong())
                .isEqualTo(2097152);
        JsonNode p = c.patch(VOLS + "/d", "{\"spec\":{\"sizeBytes\":1048576}}").problem(422, "invalid");
        assertThat(p.get("field").asText()).isEqualTo("spec.sizeBytes");
        c.post(VOLS + "/d/snapshots", "{\"name\":\"s1\"}").expect(201);
        c.post(VOLS + "/d/snapshots", "{\"name\":\"s2\"}").expect(201);
        c.post(VOLS + "/d/snapshots", "{\"name\":\"s2\"}").problem(409, "snapshot_exists");
        JsonNode rolled = c.post(VOLS + "/d/rollback", "{\"snapshot\":\"s1\"}")
                .expect(202)
                .json();
        assertThat(rolled.at("/spec/rollbackTo").asText()).isEqualTo("s1");
        assertThat(rolled.at("/spec/snapshots")).hasSize(1);
        c.delete(VOLS + "/d/snapshots/s1").expect(200);
        c.delete(VOLS + "/d/snapshots/s1").problem(404, "not_found");
        c.post(VOLS + "/d/rollback", "{\"snapshot\":\"nope\"}").problem(404, "not_found");
    }

    @Test
    void templateImportIs202AndWaitsForReady() {
        String node = f.node("h1", 4, 4096);
        String t = "/api/v1/projects/default/templates";
        JsonNode tpl = c.post(t, "{\"name\":\"deb\",\"spec\":{\"node\":\"h1\",\"source\":\"https://x/d.img\"}}")
                .expect(202)
                .json();
        assertThat(tpl.at("/spec/node").asText()).isEqualTo(node);
        assertThat(tpl.at("/spec/format").asText()).isEqualTo("raw");
        assertThat(tpl.at("/status/phase").asText()).isEqualTo("pending");
        f.report(Kind.TEMPLATE, tpl.get("id").asText(), node, new TemplateStatus(TemplatePhase.READY, 10, 10, ""));
        Reply r = c.get(t + "/deb?waitFor=ready&timeout=1s").expect(200);
        assertThat(r.header("Mvirt-Condition")).isEqualTo("met");
        c.post(VOLS, "{\"name\":\"clone\",\"spec\":{\"sizeBytes\":1048576,\"template\":\"deb\"}}")
                .expect(201);
        c.delete(t + "/deb").problem(409, "template_in_use");
        c.post(t, "{\"name\":\"x\",\"spec\":{\"node\":\"ghost\",\"source\":\"/a\"}}")
                .problem(422, "invalid");
    }

    @Test
    void nodesReadLabelCordon() {
        f.node("h1", 4, 4096);
        JsonNode list = c.get("/api/v1/nodes").expect(200).json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.at("/items/0/status/phase").asText()).isEqualTo("ready");
        assertThat(c.post("/api/v1/nodes/h1/cordon", "")
                        .expect(200)
                        .json()
                        .at("/spec/cordoned")
                        .asBoolean())
                .isTrue();
        assertThat(c.post("/api/v1/nodes/h1/uncordon", "")
                        .expect(200)
                        .json()
                        .at("/spec/cordoned")
                        .asBoolean())
                .isFalse();
        JsonNode labelled = c.patch("/api/v1/nodes/h1", "{\"labels\":{\"gpu\":\"yes\"}}")
                .expect(200)
                .json();
        assertThat(labelled.at("/labels/gpu").asText()).isEqualTo("yes");
        assertThat(labelled.at("/labels/zone").asText()).isEqualTo("a");
        c.get("/api/v1/nodes/h9").problem(404, "not_found");
        c.post("/api/v1/nodes/h1/cordon", "", "If-Match", "\"1\"").problem(412, "precondition_failed");
        c.delete("/api/v1/nodes/h1").expect(204);
    }

    @Test
    void locks() {
        JsonNode l = c.put("/api/v1/locks/deploy", "{\"owner\":\"ci\",\"ttlMillis\":60000}")
                .expect(200)
                .json();
        assertThat(l.at("/spec/owner").asText()).isEqualTo("ci");
        c.put("/api/v1/locks/deploy", "{\"owner\":\"other\",\"ttlMillis\":60000}")
                .problem(409, "lock_held");
        c.get("/api/v1/locks/deploy").expect(200);
        assertThat(c.get("/api/v1/locks").json().get("items")).hasSize(1);
        c.delete("/api/v1/locks/deploy?owner=other").problem(409, "lock_not_owned");
        c.delete("/api/v1/locks/deploy?owner=ci").expect(204);
        c.get("/api/v1/locks/deploy").problem(404, "not_found");
        c.put("/api/v1/locks/deploy", "{\"owner\":\"ci\",\"ttlMillis\":1}").problem(422, "invalid");
    }
}
