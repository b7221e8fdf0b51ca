package dev.mvirt.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.common.testing.HostAssumptions;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import dev.mvirt.proto.log.v1.QueryRequest;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/mvirt-dev} as a process (mvirt-log, mvirt-vmm with real QEMU, mvirt-api, mvirt-node), then drives
 * a VM from the demo guest through REST with the admin token: create → Running (reported by the host, a QEMU
 * process exists and the guest prints its marker), stop → Stopped, delete → no QEMU left, and the audit entries in
 * mvirt-log carry the actor. Everything it starts is stopped by PID, also on failure.
 */
@Tag("host")
class DevE2EIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Path> sockDirs = new ArrayList<>();
    private Process dev;
    private String base = "";
    private String token = "";

    @AfterEach
    void stopEverything() throws Exception {
        if (dev != null && dev.isAlive()) {
            dev.destroy(); // SIGTERM: the launcher stops its children by PID and waits
            if (!dev.waitFor(60, TimeUnit.SECONDS)) {
                dev.descendants().forEach(ProcessHandle::destroyForcibly);
                dev.destroyForcibly();
            }
        }
        if (dev != null) {
            dev.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        for (Path d : sockDirs) {
            try (var files = Files.list(d)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(d);
        }
    }

    @Test
    void demoVmLifecycleThroughTheLaunchedCluster() throws Exception {
        HostAssumptions.assumeRoot();
        HostAssumptions.assumeCommand("qemu-system-x86_64");
        HostAssumptions.assumeCommand("busybox");
        Path data = tmp.resolve("dev");
        int http = freePort();
        startDev(data, http);
        Path guest = guestCache();

        long created = System.nanoTime();
        String body = "{\"name\":\"demo\",\"spec\":{\"vcpus\":1,\"memoryMib\":256,\"boot\":{\"kernel\":\""
                + guest.resolve("vmlinuz") + "\",\"initramfs\":\"" + guest.resolve("initramfs.cpio.gz")
                + "\",\"cmdline\":\"console=ttyS0 quiet panic=-1\"}}}";
        JsonNode vm = send("POST", "/api/v1/projects/default/vms", body, 202);
        String id = vm.get("id").asText();
        await("phase running", 120, () -> phase().equals("running"));
        System.out.printf("DevE2EIT: create -> running %d ms%n", ms(created));
        long pid = get(vmPath()).at("/status/pid").asLong();
        assertThat(ProcessHandle.of(pid).map(this::isQemu)).contains(true);
        Path console = data.resolve("vmm/vms/" + id + "/console.log");
        await("guest marker", 120, () -> read(console).contains("MVIRT-GUEST-READY"));
        System.out.printf("DevE2EIT: create -> guest marker %d ms%n", ms(created));

        send("POST", vmPath() + "/stop", "", 202);
        await("phase stopped", 120, () -> phase().equals("stopped"));
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        send("DELETE", vmPath(), "", 204);
        await("vm gone", 60, () -> status(vmPath()) == 404);
        await("qemu gone", 30, () -> qemuFor(id).isEmpty());
        await("vm dir gone", 30, () -> !Files.exists(data.resolve("vmm/vms/" + id)));
        assertAudit(id);
    }

    private void startDev(Path data, int httpPort) throws Exception {
        Path socks = Files.createTempDirectory(Path.of("/tmp"), "mde");
        sockDirs.add(socks);
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bin/mvirt-dev").toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("dev.out").toFile());
        Map<String, String> env = pb.environment();
        env.put("MVIRT_DEV_DATA", data.toString());
        env.put("MVIRT_DEV_SOCKETS", socks.toString());
        env.put("MVIRT_DEV_HTTP", "127.0.0.1:" + httpPort);
        env.put("MVIRT_DEV_GRPC", "127.0.0.1:" + freePort());
        env.put("MVIRT_DEV_RAFT", "127.0.0.1:" + freePort());
        dev = pb.start();
        base = "http://127.0.0.1:" + httpPort;
        await("mvirt-dev banner", 600, () -> read(tmp.resolve("dev.out")).contains("mvirt dev is running"));
        token = read(data.resolve("api/admin.token")).strip();
        auditSocket = socks.resolve("log.sock");
    }

    private Path auditSocket = Path.of("/nonexistent");

    /** Audit entries are sent asynchronously (batched by AuditLogger): poll until every step has arrived. */
    private void assertAudit(String vmId) throws InterruptedException {
        List<String> steps = List.of(
                "Create vm demo by admin",
                "SetVmPower by admin",
                "Delete vm by admin",
                "VM started by ",
                "VM deleted on host by ");
        await(
                "audit entries",
                30,
                () -> steps.stream()
                        .allMatch(step -> auditEntries(vmId).stream()
                                .anyMatch(e -> e.startsWith(step.substring(0, step.indexOf(" by ")))
                                        && e.contains(step.substring(step.indexOf(" by "))))));
        System.out.println("DevE2EIT: audit " + auditEntries(vmId));
    }

    /** "MESSAGE by ACTOR" of every entry mvirt-log holds for the VM. */
    private List<String> auditEntries(String vmId) {
        ManagedChannel ch = GrpcChannels.open(new Endpoint.Unix(auditSocket));
        try {
            List<String> entries = new ArrayList<>();
            LogServiceGrpc.newBlockingStub(ch)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .query(QueryRequest.newBuilder()
                            .setObjectId(vmId)
                            .setLimit(1000)
                            .build())
                    .forEachRemaining(r -> r.getRecordsList()
                            .forEach(rec -> entries.add(rec.getEntry().getMessage() + " by "
                                    + rec.getEntry().getActor())));
            return entries;
        } finally {
            ch.shutdownNow();
        }
    }

    private String vmPath() {
        return "/api/v1/projects/default/vms/demo";
    }

    private String phase() {
        return get(vmPath()).at("/status/phase").asText();
    }

    private boolean isQemu(ProcessHandle p) {
        return p.info().command().orElse("").endsWith("qemu-system-x86_64");
    }

    private List<ProcessHandle> qemuFor(String id) {
        return ProcessHandle.allProcesses()
                .filter(this::isQemu)
                .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0]))
                        .contains(id))
                .toList();
    }

    private static Path guestCache() {
        String env = System.getenv("MVIRT_GUEST_CACHE");
        return env != null && !env.isEmpty()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache/mvirt/guest");
    }

    private JsonNode get(String path) {
        return send("GET", path, "", 200);
    }

    private int status(String path) {
        return exchange("GET", path, "").statusCode();
    }

    private JsonNode send(String method, String path, String body, int expect) {
        HttpResponse<String> r = exchange(method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expect);
        try {
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, String body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void await(String what, int seconds, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (dev != null && !dev.isAlive()) {
                throw new AssertionError("mvirt-dev exited while waiting for " + what + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ":\n" + tail());
            }
            Thread.sleep(200);
        }
    }

    private String tail() {
        String out = read(tmp.resolve("dev.out"));
        return out.substring(Math.max(0, out.length() - 4000));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
