package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.VmPhase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mvirt vm move}: a stopped VM goes to the node named; a running one is refused with the server's reason. */
class VmMoveCommandTest {
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = ApiFixture.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aStoppedVmMovesToTheNodeNamed() {
        api.node("mv-a", 4, 4096);
        api.ok("vm", "create", "web", "--kernel", "/boot/vmlinuz", "--memory", "256MiB");
        api.node("mv-b", 4, 4096);
        api.ok("vm", "stop", "web");
        api.vmPhase("default", "web", VmPhase.STOPPED);
        var moved = api.ok("vm", "move", "web", "--node", "mv-b");
        assertThat(moved.out()).contains("web").contains("mv-b");
        assertThat(moved.err()).contains("moved");
        assertThat(api.ok("vm", "get", "web", "-o", "json").out()).contains("\"scheduled\"");
    }

    @Test
    void aRunningVmIsRefusedWithTheReason() {
        api.node("mv-a", 4, 4096);
        api.ok("vm", "create", "db", "--kernel", "/boot/vmlinuz", "--memory", "256MiB");
        api.node("mv-b", 4, 4096);
        var r = api.run("vm", "move", "db");
        assertThat(r.code()).as(r.err()).isNotZero();
        assertThat(r.err()).startsWith("mvirt: vm move db: ").contains("stop it first");
        var bad = api.run("vm", "move", "db", "--node", "../x");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("node '../x' is not a valid name");
    }
}
