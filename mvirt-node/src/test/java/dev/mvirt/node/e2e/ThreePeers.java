package dev.mvirt.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A 3-peer cluster from the launchers, each its own process: {@code bin/mvirt-log}, {@code bin/mvirt-vmm} (QEMU),
 * three {@code bin/mvirt-api} peers on loopback (free ports, own data directories, one shared join token file and
 * admin token file) and {@code bin/mvirt-node} given all three NodeService addresses.
 */
final class ThreePeers {
    static final String NODE = "node";
    /** The agent's {@code --name}. */
    static final String NODE_NAME = "e2e-host";

    private final Daemons daemons;
    private final Path data;
    private final Path socks;
    private final List<String> http = new ArrayList<>();
    private final List<String> grpc = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    ThreePeers(Daemons daemons, Path data) {
        this.daemons = daemons;
        this.data = data;
        this.socks = daemons.socketDir();
    }

    VmHost host() {
        return new VmHost(data.resolve("vmm"), socks.resolve("log.sock"));
    }

    Path adminTokenFile() {
        return data.resolve("admin.token");
    }

    /** Starts mvirt-log, mvirt-vmm and the three peers; waits until every peer is ready and a token exists. */
    void start(Path guest) throws IOException {
        daemons.start(
                "log",
                Map.of(),
                "mvirt-log",
                List.of(
                        "--socket",
                        socks.resolve("log.sock").toString(),
                        "--data-dir",
                        data.resolve("log").toString()));
        daemons.start(
                "vmm",
                Map.of(),
                "mvirt-vmm",
                List.of(
                        "--socket",
                        socks.resolve("vmm.sock").toString(),
                        "--data-dir",
                        data.resolve("vmm").toString(),
                        "--hypervisor",
                        "qemu",
                        "--image-dir",
                        guest.toString()));
        Path join = data.resolve("join.token");
        Files.createDirectories(data);
        Files.writeString(join, HexFormat.of().formatHex(randomBytes()));
        Files.setPosixFilePermissions(join, PosixFilePermissions.fromString("rw-------"));
        List<String> raft = List.of(free(), free(), free());
        String peers = "api1=" + raft.get(0) + ",api2=" + raft.get(1) + ",api3=" + raft.get(2);
        daemons.await("mvirt-log's socket", 120, () -> Files.exists(socks.resolve("log.sock")));
        for (int i = 0; i < 3; i++) {
            http.add(free());
            grpc.add(free());
            String id = "api" + (i + 1);
            daemons.start(
                    id,
                    Map.of(),
                    "mvirt-api",
                    List.of(
                            "--id",
                            id,
                            "--data-dir",
                            data.resolve(id).toString(),
                            "--raft",
                            raft.get(i),
                            "--http",
                            http.get(i),
                            "--grpc",
                            grpc.get(i),
                            "--peers",
                            peers,
                            "--join-token-file",
                            join.toString(),
                            "--admin-token-file",
                            adminTokenFile().toString(),
                            "--audit",
                            "unix:" + socks.resolve("log.sock")));
        }
        for (int i = 0; i < 3; i++) {
            int peer = i;
            daemons.await(
                    "api" + (i + 1) + " to be ready", 180, () -> ready(peer).isPresent());
        }
        daemons.await(
                "the admin token",
                60,
                () -> Daemons.read(adminTokenFile()).strip().length() > 0);
        daemons.await("mvirt-vmm's socket", 60, () -> Files.exists(socks.resolve("vmm.sock")));
    }

    /** Starts (or restarts, with the same data directory and so the same node id) the agent. */
    void startNode() {
        daemons.start(
                NODE,
                Map.of(),
                "mvirt-node",
                List.of(
                        "--api",
                        String.join(",", grpc),
                        "--data-dir",
                        data.resolve("node").toString(),
                        "--join-token-file",
                        data.resolve("join.token").toString(),
                        "--name",
                        "e2e-host",
                        "--vmm",
                        "unix:" + socks.resolve("vmm.sock"),
                        "--zfs",
                        "fake",
                        "--net",
                        "fake",
                        "--log",
                        "unix:" + socks.resolve("log.sock")));
    }

    /** SIGKILL to the agent (its JVM: bin/mvirt-node execs java). */
    long killNode() {
        Process p = daemons.process(NODE);
        daemons.forget(NODE);
        p.destroyForcibly(); // SIGKILL
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return p.pid();
    }

    /** The REST URL of a peer that is a follower now (waits up to 60 s for the roles to settle). */
    String followerUrl() {
        List<String> found = new ArrayList<>();
        daemons.await("a follower among " + http, 60, () -> {
            for (int i = 0; i < 3; i++) {
                Optional<JsonNode> r = ready(i);
                if (r.isPresent() && r.get().path("role").asText().equals("follower")) {
                    found.add("http://" + http.get(i));
                    return true;
                }
            }
            return false;
        });
        return found.getFirst();
    }

    private Optional<JsonNode> ready(int peer) {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create("http://" + http.get(peer) + "/health/ready?verbose"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(new ObjectMapper().readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String free() {
        return "127.0.0.1:" + Daemons.freePort();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
