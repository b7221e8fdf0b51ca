package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mvirt vm console} against a server without the console endpoint, and its flags. */
class ConsoleTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.node("host-1", 4, 8192);
        api.ok("vm", "create", "web", "--kernel", "/boot/vmlinuz", "--stopped");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void saysClearlyWhenTheServerHasNoConsoleEndpoint() {
        var r = api.run("vm", "console", "web", "--show-log");
        assertThat(r.code()).isEqualTo(9);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("this server has no console endpoint yet").contains("/vms/web/console");
        assertThat(r.err()).doesNotContain("Connected");
        assertThat(api.run("console", "web").code()).isEqualTo(9);
    }

    @Test
    void aMissingVmIsNotFoundAndABadEscapeIsUsage() {
        assertThat(api.run("vm", "console", "ghost").code()).isEqualTo(3);
        assertThat(api.run("vm", "console", "web", "--escape", "xyz").code()).isEqualTo(2);
    }
}
