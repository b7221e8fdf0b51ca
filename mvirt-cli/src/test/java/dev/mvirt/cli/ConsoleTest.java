package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.VmPhase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mvirt vm console} against a real API whose host has no agent connected: the server's refusals. */
class ConsoleTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.node("host-1", 4, 8192);
        api.ok("vm", "create", "web", "--kernel", "/boot/vmlinuz", "--stopped");
        api.ok("vm", "create", "db", "--kernel", "/boot/vmlinuz");
        api.vmPhase("default", "db", VmPhase.RUNNING);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aVmThatDoesNotRunIsAConflictWithTheServersReason() {
        var r = api.run("vm", "console", "web", "--no-replay");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("vm 'web' is").contains("its console opens once it runs");
        assertThat(r.err()).doesNotContain("Connected");
    }

    @Test
    void aHostWithoutAnAgentChannelIsUnavailableWithTheReason() {
        var r = api.run("console", "db", "--force");
        assertThat(r.code()).isEqualTo(8);
        assertThat(r.err()).contains("node 'host-1'").contains("no console channel to this API server");
        assertThat(api.run("vm", "console", "db", "--show-log").code()).isEqualTo(8);
    }

    @Test
    void aMissingVmIsNotFoundAndABadEscapeIsUsage() {
        assertThat(api.run("vm", "console", "ghost").code()).isEqualTo(3);
        assertThat(api.run("vm", "console", "web", "--escape", "xyz").code()).isEqualTo(2);
    }
}
