package dev.mvirt.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The life of the demo VM as an operator drives it through {@code bin/mvirt}, with what each step must leave on the
 * host: create → Scheduled, Creating, Running (from the event stream) and a QEMU process whose guest prints its
 * marker; stop → Stopped and no process; start → Running; reboot → the host's reboot generation and a second
 * marker; delete → no QEMU, sockets, seed image or SQLite row. Shared by the single-host and 3-peer tests.
 */
final class VmLifecycle {
    static final String MARKER = "MVIRT-GUEST-READY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Daemons daemons;
    private final MvirtCli cli;
    private final VmHost host;
    private final Path guest;
    private final String name;
    private String id = "";
    private String node = "";
    private JsonNode last = JSON.createObjectNode();
    private String eventsName = "";

    VmLifecycle(Daemons daemons, MvirtCli cli, VmHost host, Path guest, String name) {
        this.daemons = daemons;
        this.cli = cli;
        this.host = host;
        this.guest = guest;
        this.name = name;
    }

    String id() {
        return id;
    }

    /** {@code mvirt vm create --wait} from the demo guest, then as {@link #createAndBoot(Runnable)}. */
    void createAndBoot() {
        createAndBoot(() -> cli.ok(
                "vm",
                "create",
                name,
                "--vcpus",
                "1",
                "--memory",
                "256MiB",
                "--kernel",
                guest.resolve("vmlinuz").toString(),
                "--initramfs",
                guest.resolve("initramfs.cpio.gz").toString(),
                "--cmdline",
                "console=ttyS0 quiet panic=-1",
                "--wait",
                "--timeout",
                "180s"));
    }

    /** Runs {@code create} (a create that waits); the phases in order from the event stream; QEMU runs; boots. */
    void createAndBoot(Runnable create) {
        // from revision 0 of a fresh cluster: every phase, however late the stream connects
        eventsName = "events-" + name;
        cli.background(daemons, eventsName, "events", "--kind", "vms,nodes", "--from", "0", "-o", "json");
        long t0 = System.nanoTime();
        create.run();
        JsonNode vm = vm();
        id = vm.path("id").asText();
        node = vm.at("/status/node").asText();
        assertThat(vm.at("/status/phase").asText()).isEqualTo("running");
        long pid = vm.at("/status/pid").asLong();
        assertThat(VmHost.isQemu(pid)).as("pid %d is a live QEMU", pid).isTrue();
        daemons.await(
                "the phases in the event stream",
                30,
                () -> containsInOrder(phases(), List.of("scheduled", "creating", "running")));
        System.out.printf("e2e: %s create -> running %d ms, phases %s%n", name, ms(t0), phases());
        daemons.await("the guest marker", 120, () -> host.consoleLog(id).contains(MARKER));
        System.out.printf("e2e: %s create -> guest marker %d ms%n", name, ms(t0));
    }

    /** stop → Stopped (the QEMU process is gone), start → Running with a new QEMU process. */
    void stopAndStart() {
        long before = last.at("/status/pid").asLong();
        cli.ok("vm", "stop", name, "--wait", "--timeout", "120s");
        assertThat(vm().at("/status/phase").asText()).isEqualTo("stopped");
        daemons.await("QEMU " + before + " to exit", 30, () -> !VmHost.isQemu(before));
        daemons.await(
                "stopping, stopped in the event stream",
                30,
                () -> containsInOrder(phases(), List.of("running", "stopping", "stopped")));
        cli.ok("vm", "start", name, "--wait", "--timeout", "120s");
        JsonNode vm = vm();
        assertThat(vm.at("/status/phase").asText()).isEqualTo("running");
        assertThat(VmHost.isQemu(vm.at("/status/pid").asLong()))
                .as("a QEMU process after start")
                .isTrue();
    }

    /** reboot: the host reports the new reboot generation and the guest prints its marker once more. */
    void reboot() {
        daemons.await("the guest marker", 120, () -> markers() >= 1);
        int seen = markers();
        long generation = last.at("/status/rebootGeneration").asLong();
        cli.ok("vm", "reboot", name, "--wait", "--timeout", "120s");
        assertThat(vm().at("/status/rebootGeneration").asLong()).isGreaterThan(generation);
        daemons.await("the guest marker after the reboot", 120, () -> markers() > seen);
    }

    /** delete → gone from the API; no QEMU process, VM directory (sockets, seed image) or SQLite row left. */
    void delete() {
        long qemu = last.at("/status/pid").asLong();
        cli.ok("vm", "delete", name, "-y", "--wait", "--timeout", "120s");
        MvirtCli.Result r = cli.run("vm", "get", name);
        assertThat(r.exit()).as(r.describe()).isEqualTo(3);
        daemons.await("QEMU " + qemu + " to exit", 30, () -> !VmHost.isQemu(qemu));
        daemons.await("no QEMU for the VM", 30, () -> VmHost.qemuMentioning(id).isEmpty());
        daemons.await("the VM directory to go", 30, () -> !Files.exists(host.vmDir(id)));
        daemons.await("the SQLite row to go", 30, () -> !host.hasRow(id));
        stopEvents();
    }

    /**
     * The audit trail through {@code mvirt audit --object ID}: the operator's steps with the admin token's name as actor, the host's reports with the
     * node's; and it shows every entry mvirt-log itself holds about the VM. Entries travel asynchronously
     * (batched), so this polls until every step has arrived.
     */
    void audit() {
        List<String> steps = List.of(
                "Create vm " + name + " by admin",
                "SetVmPower by admin",
                "RebootVm by admin",
                "Delete vm " + id + " by admin",
                "ReportStatus vm " + id + " from node " + node + " by node:" + node,
                "VM started by mvirt-node",
                "VM stopped by mvirt-node",
                "VM rebooted by mvirt-node",
                "VM deleted on host by mvirt-node");
        List<String> shown = new ArrayList<>();
        try {
            daemons.await("the audit entries", 60, () -> {
                shown.clear();
                cli.json("audit", "--object", id, "--limit", "1000")
                        .path("items")
                        .forEach(e -> shown.add(e.path("message").asText() + " by "
                                + e.path("actor").asText()));
                return missing(steps, shown).isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(
                    "mvirt audit --object " + id + " lacks " + missing(steps, shown) + "; shows " + shown, e);
        }
        assertThat(shown).containsAll(host.auditEntries(id));
        System.out.println(
                "e2e: mvirt audit --object " + id + ": " + shown.size() + " entries, e.g. " + shown.subList(0, 3));
    }

    private static List<String> missing(List<String> steps, List<String> entries) {
        return steps.stream()
                .filter(step -> entries.stream()
                        .noneMatch(e -> e.startsWith(step.substring(0, step.indexOf(" by ")))
                                && e.endsWith(step.substring(step.indexOf(" by ")))))
                .toList();
    }

    /** The VM as {@code mvirt vm get -o json} shows it (also kept as the last seen state). */
    JsonNode vm() {
        last = cli.json("vm", "get", name);
        return last;
    }

    /** The QEMU pid the host reported. */
    long pid() {
        return vm().at("/status/pid").asLong();
    }

    /** How often the guest printed its marker (current and rotated console log). */
    int markers() {
        String log = Daemons.read(host.vmDir(id).resolve("console.log.1")) + host.consoleLog(id);
        return log.split(MARKER, -1).length - 1;
    }

    /** The VM's phases in the order the event stream delivered them (repeats collapsed). */
    List<String> phases() {
        return phases("vms", name);
    }

    /** The phases of the resource {@code kind/resource} (vms or nodes) the event stream delivered so far. */
    List<String> phases(String kind, String resource) {
        List<String> out = new ArrayList<>();
        for (String line : Daemons.read(daemons.log(eventsName)).split("\n")) {
            JsonNode e = parse(line);
            String phase = e.at("/resource/status/phase").asText("");
            if (e.at("/resource/name").asText().equals(resource)
                    && e.path("kind").asText().equals(kind)
                    && !phase.isEmpty()
                    && (out.isEmpty() || !out.getLast().equals(phase))) {
                out.add(phase);
            }
        }
        return out;
    }

    void stopEvents() {
        daemons.stopOne(eventsName);
    }

    private static JsonNode parse(String line) {
        if (!line.startsWith("{")) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return JSON.createObjectNode(); // a line still being written
        }
    }

    static boolean containsInOrder(List<String> seen, List<String> wanted) {
        int i = 0;
        for (String s : seen) {
            if (i < wanted.size() && s.equals(wanted.get(i))) {
                i++;
            }
        }
        return i == wanted.size();
    }

    static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
