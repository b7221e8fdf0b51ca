package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mvirt.api.model.VmPhase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mvirt tui in a real terminal (tmux): list, filter, detail, stop a VM, see its phase change live. */
class TuiIT {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void listFilterDetailStopAndSeeThePhaseChangeLive(@TempDir Path dir) {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/setup.d/40-cli.sh installs it)");
        try (ApiFixture api = ApiFixture.start()) {
            api.node("host-a", 8, 16384);
            api.ok("vm", "create", "web", "--kernel", "/boot/vmlinuz", "--vcpus", "2", "--memory", "2GiB");
            api.ok("vm", "create", "db", "--kernel", "/boot/vmlinuz", "--vcpus", "4", "--memory", "4GiB");
            api.vmPhase("default", "web", VmPhase.RUNNING);
            try (Tmux t = new Tmux(dir, api.env(), "tui")) {
                t.await(
                        "both VMs, connected",
                        s -> s.contains("web") && s.contains("db") && s.contains("connected"),
                        WAIT);
                String s = t.await("web running", x -> phase(x, "web").equals(Optional.of("running")), WAIT);
                assertThat(s).contains("nodes 1/1 ready").contains("6/8 vCPU").contains("VMs 1/2 running");

                t.type("/web");
                t.keys("Enter");
                t.await("the filter", x -> x.contains("/web") && !x.contains(" db "), WAIT);

                t.keys("Enter");
                t.await("the detail view", x -> x.contains("name: web") && x.contains("vcpus: 2"), WAIT);
                t.keys("Escape");
                t.await("the list again", x -> phase(x, "web").isPresent(), WAIT);

                t.type("x");
                t.await("stop accepted", x -> x.contains("stop web: accepted"), WAIT);
                assertThat(api.api("/api/v1/projects/default/vms/web")
                                .at("/spec/desired")
                                .asText())
                        .isEqualTo("stopped");
                api.vmPhase("default", "web", VmPhase.STOPPED);
                t.await("web stopped live", x -> phase(x, "web").equals(Optional.of("stopped")), WAIT);

                t.keys("Escape");
                t.type(":nodes");
                t.keys("Enter");
                t.await("host-a", WAIT);
                t.type(":vms");
                t.keys("Enter");
                t.type("/web");
                t.keys("Enter");
                t.type("c");
                t.await("the console's answer", x -> x.contains("once it runs") && x.contains("Press Enter"), WAIT);
                t.keys("Enter");
                t.await(
                        "back in the TUI",
                        x -> x.contains("connected") && phase(x, "web").isPresent(),
                        WAIT);
                t.keys("Escape");
                t.type("/db");
                t.keys("Enter");
                t.await(
                        "db alone",
                        x -> phase(x, "db").isPresent() && phase(x, "web").isEmpty(),
                        WAIT);
                t.type("d");
                t.await("Delete vm db? (y/n)", WAIT);
                t.type("y");
                t.await(
                        "db deleted live",
                        x -> x.contains("delete vm db: accepted")
                                && phase(x, "db").isEmpty(),
                        WAIT);
                assertThat(api.run("vm", "get", "db").code()).isEqualTo(3);

                t.type("?");
                t.await("Keys", WAIT);
                t.keys("Escape");
                t.type("q");
                t.await("the TUI exits", x -> !x.contains("connected"), WAIT);
            }
        }
    }

    @Test
    void saysWhenTheApiIsUnreachableAndStaysResponsive(@TempDir Path dir) {
        assumeTrue(Tmux.available(), "tmux is not installed");
        var env = new java.util.HashMap<String, String>();
        env.put("HOME", dir.toString());
        env.put("MVIRT_ENDPOINT", "http://127.0.0.1:1");
        try (Tmux t = new Tmux(dir, env, "tui", "--readonly")) {
            t.await("DISCONNECTED", WAIT);
            t.type("x");
            t.await("read-only mode: actions are off", WAIT);
            t.type("?");
            t.await("Keys", WAIT);
            t.keys("Escape");
            t.type("q");
            t.await("the TUI exits", x -> !x.contains("DISCONNECTED"), WAIT);
        }
    }

    /** The PHASE cell (second column) of {@code vm}'s row. */
    private static Optional<String> phase(String screen, String vm) {
        return screen.lines()
                .map(String::trim)
                .map(l -> l.split("\\s+"))
                .filter(c -> c.length > 2 && c[0].equals(vm))
                .map(c -> c[1])
                .findFirst()
                .or(() -> Optional.<String>empty())
                .map(p -> Arrays.asList(
                                        "pending",
                                        "scheduled",
                                        "creating",
                                        "running",
                                        "stopping",
                                        "stopped",
                                        "failed",
                                        "unknown")
                                .contains(p)
                        ? p
                        : "?" + p);
    }
}
