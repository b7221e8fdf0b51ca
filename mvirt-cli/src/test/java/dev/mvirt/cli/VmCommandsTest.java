package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.VmPhase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nodes and VMs: lifecycle verbs, waiting on reported phases, and the exit codes of failures. */
class VmCommandsTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void noNodeMeansNoCapacity() {
        var r = api.run("vm", "create", "lonely", "--kernel", "/boot/vmlinuz", "--vcpus", "256", "--memory", "1TiB");
        assertThat(r.code()).as(r.err()).isEqualTo(6);
        assertThat(r.err())
                .startsWith("mvirt: vm create lonely: ")
                .contains("no node")
                .doesNotContain("Exception");
    }

    @Test
    void lifecycleWithWaits() throws Exception {
        api.node("host-a", 8, 16384);
        assertThat(api.ok("node", "list").out()).contains("host-a", "ready", "enabled", "16GiB");
        api.ok(
                "vm",
                "create",
                "web",
                "--kernel",
                "/boot/vmlinuz",
                "--vcpus",
                "2",
                "--memory",
                "1GiB",
                "--label",
                "app=web",
                "--node-selector",
                "node.name=host-a");
        assertThat(api.ok("vm", "get", "web").out())
                .contains("web")
                .contains("running")
                .contains("host-a");
        var waited = CompletableFuture.supplyAsync(
                () -> api.run("vm", "start", "web", "--wait", "--timeout", "20s", "-o", "json"));
        Thread.sleep(300);
        api.vmPhase("default", "web", VmPhase.RUNNING);
        var r = waited.get(30, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().at("/status/phase").asText()).isEqualTo("running");
        assertThat(api.ok("list").out()).contains("web", "running");

        var timeout = ApiFixture.run(api.env(), "", true, "stop", "web", "--wait", "--timeout", "3s");
        assertThat(timeout.code()).as(timeout.err()).isEqualTo(5);
        assertThat(timeout.err()).contains("not stopped after").contains("continues on the server");
        assertThat(timeout.err()).as("a progress line on a terminal").contains("\r\033[Kvm 'web': running → stopped (");
        api.vmPhase("default", "web", VmPhase.STOPPED);
        assertThat(api.ok("vm", "start", "web", "-o", "json")
                        .json()
                        .at("/spec/desired")
                        .asText())
                .isEqualTo("running");
        api.ok("vm", "reboot", "web");
        assertThat(api.ok("vm", "kill", "web", "-y", "-o", "json")
                        .json()
                        .at("/spec/stopMode")
                        .asText())
                .isEqualTo("force");
        api.ok("vm", "stop", "web", "--force");
    }

    @Test
    void nodeVerbs() {
        api.node("host-b", 4, 8192);
        assertThat(api.ok("node", "cordon", "host-b").out()).contains("cordoned");
        assertThat(api.ok("node", "uncordon", "host-b").out()).contains("enabled");
        assertThat(api.ok("node", "drain", "host-b", "-y").out()).contains("draining");
        api.ok("node", "uncordon", "host-b");
        assertThat(api.ok("node", "label", "host-b", "rack=r1", "-o", "json")
                        .json()
                        .at("/labels/rack")
                        .asText())
                .isEqualTo("r1");
        assertThat(api.ok("node", "get", "host-b", "-o", "wide").out()).contains("qemu", "tank");
    }

    @Test
    void exitCodes() {
        assertThat(api.run("vm", "get", "nope").code()).isEqualTo(3);
        assertThat(api.run("vm", "get", "nope").err().trim())
                .isEqualTo("mvirt: vm get nope: vms 'nope' in project 'default' not found");
        assertThat(api.run("-p", "ghost", "vm", "list").code()).isEqualTo(3);
        api.node("host-c", 8, 16384);
        api.ok("vm", "create", "twice", "--kernel", "/boot/vmlinuz", "--stopped");
        var dup = api.run("vm", "create", "twice", "--kernel", "/boot/vmlinuz", "--stopped");
        assertThat(dup.code()).as(dup.err()).isEqualTo(4);
        var stale = api.run("vm", "delete", "twice", "-y", "--if-match", "1");
        assertThat(stale.code()).as(stale.err()).isEqualTo(4);
        var invalid = api.run("vm", "create", "bad", "--kernel", "/boot/vmlinuz", "--vcpus", "0");
        assertThat(invalid.code()).as(invalid.err()).isEqualTo(10);
        assertThat(invalid.err()).contains("vcpus");
        assertThat(api.run("vm", "create").code()).isEqualTo(2);
        assertThat(api.run("vm", "frobnicate").code()).isEqualTo(2);
        assertThat(api.run("vm", "get", "../etc").code()).isEqualTo(2);
        var env = api.env();
        env.put("MVIRT_TOKEN", "wrong");
        var auth = ApiFixture.run(env, "", false, "vm", "list");
        assertThat(auth.code()).as(auth.err()).isEqualTo(7);
        env.put("MVIRT_ENDPOINT", "http://127.0.0.1:1");
        var down = ApiFixture.run(env, "", false, "vm", "list");
        assertThat(down.code()).isEqualTo(8);
        assertThat(down.err())
                .startsWith("mvirt: vm list: cannot reach http://127.0.0.1:1")
                .doesNotContain("\tat ");
        var debug = ApiFixture.run(env, "", false, "vm", "list", "--debug");
        assertThat(debug.err()).contains("\tat ");
    }

    @Test
    void destructiveVerbsAskOnATerminalAndRefuseWithoutOne() {
        api.node("host-d", 8, 16384);
        api.ok("vm", "create", "doomed", "--kernel", "/boot/vmlinuz", "--stopped");
        var refused = api.run("vm", "delete", "doomed");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("pass -y");
        var no = ApiFixture.run(api.env(), "n\n", true, "vm", "delete", "doomed");
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.err()).contains("Delete vm doomed in project 'default'? [y/N]");
        assertThat(api.ok("vm", "get", "doomed").out()).contains("doomed");
        var yes = ApiFixture.run(api.env(), "y\n", true, "vm", "delete", "doomed", "--wait", "--timeout", "10s");
        assertThat(yes.code()).as(yes.err()).isZero();
        assertThat(api.run("vm", "get", "doomed").code()).isEqualTo(3);
    }
}
