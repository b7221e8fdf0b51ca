package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST .../vms/{name}/move}: who may, what the rule refuses, where the VM lands, what bad input gets. */
class VmMoveApiTest {
    private static final String VMS = "/api/v1/projects/default/vms";
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    /** Creates VM {@code name} on the only node {@code node}, stops it and has the host report it STOPPED. */
    private String stoppedOn(String node, String name) {
        String id =
                c.post(VMS, VmApiTest.vm(name, "")).expect(202).json().get("id").asText();
        c.post(VMS + "/" + name + "/stop", "").expect(202);
        f.report(Kind.VM, id, node, new VmStatus(VmPhase.STOPPED, node, "", 0, 0));
        return id;
    }

    @Test
    void aStoppedVmMovesToTheNodeNamedAndStaysStopped() {
        String h1 = f.node("h1", 4, 4096);
        stoppedOn(h1, "web");
        String h2 = f.node("h2", 4, 4096);
        f.node("h3", 4, 4096);
        JsonNode moved =
                c.post(VMS + "/web/move", "{\"node\":\"h2\"}").expect(202).json();
        assertThat(moved.at("/status/node").asText()).isEqualTo(h2);
        assertThat(moved.at("/status/phase").asText()).isEqualTo("scheduled");
        assertThat(moved.at("/spec/desired").asText()).isEqualTo("stopped");
    }

    @Test
    void withoutABodyTheSchedulerChoosesAnotherNode() {
        String h1 = f.node("h1", 4, 4096);
        stoppedOn(h1, "web");
        String h2 = f.node("h2", 4, 4096);
        JsonNode moved = c.post(VMS + "/web/move", "").expect(202).json();
        assertThat(moved.at("/status/node").asText()).isEqualTo(h2);
    }

    @Test
    void aRunningVmIsRefusedAndNothingChanges() {
        f.node("h1", 4, 4096);
        c.post(VMS, VmApiTest.vm("web", "")).expect(202);
        f.node("h2", 4, 4096);
        long before = f.revision();
        JsonNode p = c.post(VMS + "/web/move", "").problem(409, "vm_not_stopped");
        assertThat(p.get("detail").asText()).contains("stop it first");
        assertThat(c.get(VMS + "/web").json().at("/status/node").asText()).isNotEmpty();
        assertThat(f.revision()).isLessThanOrEqualTo(before + 1);
    }

    @Test
    void noOtherNodeIsNoCapacityWithReasons() {
        String h1 = f.node("h1", 4, 4096);
        stoppedOn(h1, "web");
        JsonNode p = c.post(VMS + "/web/move", "").problem(409, "no_capacity");
        assertThat(p.get("reasons").has("h1")).isTrue();
    }

    @Test
    void badBodiesNameTheField() {
        String h1 = f.node("h1", 4, 4096);
        stoppedOn(h1, "web");
        f.node("h2", 4, 4096);
        assertThat(c.post(VMS + "/web/move", "{\"node\":\"nope\"}")
                        .problem(422, "invalid")
                        .get("field")
                        .asText())
                .isEqualTo("node");
        Client raw = c.unchecked();
        assertThat(raw.post(VMS + "/web/move", "{\"nodes\":\"h2\"}")
                        .problem(422, "invalid")
                        .get("field")
                        .asText())
                .isEqualTo("nodes");
        assertThat(raw.post(VMS + "/web/move", "{\"nodeSelector\":{\"zone\":1}}")
                        .problem(422, "invalid")
                        .get("field")
                        .asText())
                .isEqualTo("nodeSelector.zone");
        raw.post(VMS + "/web/move", "[1]").problem(400, "malformed");
        c.post(VMS + "/nope/move", "").problem(404, "not_found");
    }

    @Test
    void viewersMayNotMove() {
        String h1 = f.node("h1", 4, 4096);
        stoppedOn(h1, "web");
        f.node("h2", 4, 4096);
        c.as(f.token("look", "viewer", "")).post(VMS + "/web/move", "").problem(403, "forbidden");
    }
}
