package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmStatus;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VmApiTest {
    private static final String VMS = "/api/v1/projects/default/vms";
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    /** A small kernel-booted VM body; {@code extra} adds spec members. */
    static String vm(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"labels\":{\"app\":\"" + name + "\"},\"spec\":{\"vcpus\":1,"
                + "\"memoryMib\":256,\"boot\":{\"kernel\":\"/boot/vmlinuz\"}" + (extra.isEmpty() ? "" : "," + extra)
                + "}}";
    }

    @Test
    void createIs202AndScheduled() {
        String node = f.node("h1", 4, 4096);
        JsonNode vm = c.post(VMS, vm("web", "")).expect(202).json();
        assertThat(vm.at("/status/phase").asText()).isEqualTo("scheduled");
        assertThat(vm.at("/status/node").asText()).isEqualTo(node);
        assertThat(vm.at("/spec/desired").asText()).isEqualTo("running");
    }

    @Test
    void noCapacityIs409WithReasons() {
        f.node("h1", 1, 512);
        String body = "{\"name\":\"big\",\"spec\":{\"vcpus\":64,\"memoryMib\":256,\"boot\":{\"kernel\":\"/k\"}}}";
        long before = f.revision();
        JsonNode p = c.post(VMS, body).problem(409, "no_capacity");
        assertThat(f.revision()).isEqualTo(before + 1);
        assertThat(p.get("reasons").has("h1")).isTrue();
    }

    @Test
    void powerActions() {
        f.node("h1", 4, 4096);
        c.post(VMS, vm("web", "")).expect(202);
        assertThat(c.post(VMS + "/web/stop", "")
                        .expect(202)
                        .json()
                        .at("/spec/desired")
                        .asText())
                .isEqualTo("stopped");
        c.post(VMS + "/web/reboot", "").problem(409, "vm_not_running");
        assertThat(c.post(VMS + "/web/start", "")
                        .expect(202)
                        .json()
                        .at("/spec/desired")
                        .asText())
                .isEqualTo("running");
        JsonNode rebooted = c.post(VMS + "/web/reboot", "").expect(202).json();
        assertThat(rebooted.at("/spec/rebootGeneration").asLong()).isEqualTo(1);
        JsonNode killed = c.post(VMS + "/web/kill", "").expect(202).json();
        assertThat(killed.at("/spec/stopMode").asText()).isEqualTo("force");
        c.post(VMS + "/nope/start", "").problem(404, "not_found");
    }

    @Test
    void patchWithIfMatch() {
        f.node("h1", 4, 4096);
        Reply created = c.post(VMS, vm("web", "")).expect(202);
        String etag = created.header("ETag");
        c.patch(VMS + "/web", "{\"spec\":{\"vcpus\":2}}", "If-Match", "\"1\"").problem(412, "precondition_failed");
        JsonNode p = c.patch(VMS + "/web", "{\"spec\":{\"vcpus\":2}}", "If-Match", "\"1\"")
                .json();
        assertThat(p.get("expected").asLong()).isEqualTo(1);
        assertThat(p.get("current").asLong())
                .isEqualTo(created.json().get("revision").asLong());
        JsonNode ok = c.patch(VMS + "/web", "{\"spec\":{\"vcpus\":2}}", "If-Match", etag)
                .expect(200)
                .json();
        assertThat(ok.at("/spec/vcpus").asInt()).isEqualTo(2);
        c.patch(VMS + "/web", "{\"spec\":{\"nics\":[\"x\"]}}").problem(422, "invalid");
        c.delete(VMS + "/web", "If-Match", etag).problem(412, "precondition_failed");
        c.delete(VMS + "/web").expect(204);
    }

    @Test
    void waitForRunning() {
        String node = f.node("h1", 4, 4096);
        String id = c.post(VMS, vm("web", "")).expect(202).json().get("id").asText();
        CompletableFuture.runAsync(() -> {
            sleep(150);
            f.report(Kind.VM, id, node, new VmStatus(VmPhase.RUNNING, node, "", 0, 42));
        });
        Reply r = c.get(VMS + "/web?waitFor=running&timeout=10s").expect(200);
        assertThat(r.header("Mvirt-Condition")).isEqualTo("met");
        assertThat(r.json().at("/status/pid").asLong()).isEqualTo(42);
        Reply t = c.get(VMS + "/web?waitFor=stopped&timeout=100ms").expect(200);
        assertThat(t.header("Mvirt-Condition")).isEqualTo("timeout");
        c.get(VMS + "/web?waitFor=flying").problem(422, "invalid");
        c.unchecked().get(VMS + "/web?waitFor=running&timeout=soon").problem(422, "invalid");
    }

    @Test
    void volumesByNameAndInUse() {
        f.node("h1", 4, 4096);
        String vols = "/api/v1/projects/default/volumes";
        c.post(vols, "{\"name\":\"root\",\"spec\":{\"sizeBytes\":1073741824}}").expect(201);
        JsonNode vm = c.post(
                        VMS,
                        "{\"name\":\"db\",\"spec\":{\"vcpus\":1,\"memoryMib\":256,"
                                + "\"boot\":{\"volume\":\"root\"},\"volumes\":[\"root\"]}}")
                .expect(202)
                .json();
        String volId = c.get(vols + "/root").json().get("id").asText();
        assertThat(vm.at("/spec/boot/volume").asText()).isEqualTo(volId);
        c.delete(vols + "/root").problem(409, "volume_in_use");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
