package dev.mvirt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.api.raft.Limits;
import dev.mvirt.api.store.ClusterInfo;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console path through three real API servers (Raft, REST, NodeService on port 0): a fake agent keeps a console
 * channel to each; real WebSocket clients attach through a follower and the leader.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    static final List<ApiServer> servers = new ArrayList<>();
    static FakeConsoleAgent agent;
    static String admin;
    static String operator;
    static String viewer;
    static int follower;
    static int leader;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> peers = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            peers.put("c" + i, "127.0.0.1:" + freePort());
        }
        Path adminFile = dir.resolve("admin.token");
        Path joinFile = dir.resolve("join.token");
        for (String id : peers.keySet()) {
            servers.add(ApiServer.start(new ServerConfig(
                    id,
                    dir.resolve(id),
                    peers.get(id),
                    peers,
                    "127.0.0.1:0",
                    "127.0.0.1:0",
                    Optional.of(adminFile),
                    Optional.of(joinFile),
                    "",
                    Limits.DEFAULT)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(adminFile));
        admin = Files.readString(adminFile).strip();
        ApiServer lead = await().atMost(WAIT)
                .until(ConsoleIT::leaderServer, Optional::isPresent)
                .orElseThrow();
        leader = lead.httpPort();
        follower = servers.stream()
                .filter(s -> s != lead)
                .findFirst()
                .orElseThrow()
                .httpPort();
        operator = token("ops", "operator");
        viewer = token("watcher", "viewer");
        agent = new FakeConsoleAgent(servers.stream().map(ApiServer::grpcPort).toList());
        agent.register("host-1", Files.readString(joinFile).strip());
        agent.beat();
        agent.openChannels();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
        servers.forEach(ApiServer::close);
    }

    @Test
    @Order(1)
    void refusalsArePlainProblemsBeforeTheUpgrade() throws Exception {
        String id = createVm("idle");
        WsConsole.Refused anonymous = WsConsole.refused(follower, "idle", "", "");
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.body()).contains("unauthenticated");
        WsConsole.Refused view = WsConsole.refused(follower, "idle", "", viewer);
        assertThat(view.status()).isEqualTo(403);
        assertThat(view.body()).contains("viewer");
        assertThat(WsConsole.refused(follower, "ghost", "", operator).status()).isEqualTo(404);
        WsConsole.Refused notRunning = WsConsole.refused(follower, "idle", "", operator);
        assertThat(notRunning.status()).isEqualTo(409);
        assertThat(notRunning.body()).contains("vm_not_running").contains("'idle'");
        run(id, "idle");
        WsConsole.Refused badReplay = WsConsole.refused(follower, "idle", "replay=lots", operator);
        assertThat(badReplay.status()).isEqualTo(422);
        assertThat(badReplay.body()).contains("\"field\":\"replay\"");
    }

    @Test
    @Order(2)
    void bytesBothWaysReplaySharingResizeAndTakeoverThroughAFollower() throws Exception {
        run(createVm("web"), "web");
        try (WsConsole a = WsConsole.open(follower, "web", "", operator);
                WsConsole b = WsConsole.open(leader, "web", "", admin)) {
            await().atMost(WAIT)
                    .until(() -> a.seen().contains("ready") && b.seen().contains("ready"));
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = (byte) i;
            }
            a.send(all);
            await().atMost(WAIT).until(() -> endsWith(a.bytes(), all) && endsWith(b.bytes(), all));

            a.text("{\"type\":\"resize\",\"cols\":132,\"rows\":43}");
            await().atMost(WAIT).until(() -> agent.sizes.containsKey(vmId("web")));
            assertThat(agent.sizes.get(vmId("web"))).containsExactly(132, 43);

            try (WsConsole replayed = WsConsole.open(follower, "web", "", operator);
                    WsConsole fresh = WsConsole.open(follower, "web", "replay=0", operator)) {
                await().atMost(WAIT).until(() -> endsWith(replayed.bytes(), all));
                assertThat(replayed.seen()).startsWith("fake guest");
                fresh.send("hi".getBytes(StandardCharsets.UTF_8));
                await().atMost(WAIT).until(() -> fresh.seen().contains("hi"));
                assertThat(fresh.seen()).isEqualTo("hi");
            }

            try (WsConsole taker = WsConsole.open(follower, "web", "force=true&replay=0", operator)) {
                assertThat(a.closed.get(20, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(FakeConsoleAgent.TAKEN_OVER);
                assertThat(b.closed.get(20, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(FakeConsoleAgent.TAKEN_OVER);
                taker.send("x".getBytes(StandardCharsets.UTF_8));
                await().atMost(WAIT).until(() -> taker.seen().equals("x"));
            }
        }
    }

    @Test
    @Order(3)
    void theAgentGoingAwayEndsTheSessionAndLaterAttachesSayWhy() throws Exception {
        run(createVm("db"), "db");
        try (WsConsole a = WsConsole.open(follower, "db", "", operator)) {
            await().atMost(WAIT).until(() -> a.seen().contains("ready"));
            agent.close();
            assertThat(a.closed.get(20, java.util.concurrent.TimeUnit.SECONDS)).contains("agent");
        }
        WsConsole.Refused none = WsConsole.refused(follower, "db", "", operator);
        assertThat(none.status()).isEqualTo(503);
        assertThat(none.body())
                .contains("console_unavailable")
                .contains("host-1")
                .contains("no console channel");
    }

    private static boolean endsWith(byte[] have, byte[] tail) {
        if (have.length < tail.length) {
            return false;
        }
        for (int i = 0; i < tail.length; i++) {
            if (have[have.length - tail.length + i] != tail[i]) {
                return false;
            }
        }
        return true;
    }

    private static String createVm(String name) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"spec\":{\"vcpus\":1,\"memoryMib\":256,"
                + "\"boot\":{\"kernel\":\"/boot/vmlinuz\"}}}";
        HttpResponse<String> r = send(leader, "POST", "/api/v1/projects/default/vms", body, admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).path("id").asText();
    }

    /** The agent reports the VM running; waits until the follower sees it. */
    private static void run(String id, String name) {
        agent.run(id);
        await().atMost(WAIT)
                .until(() ->
                        vm(follower, name).path("status").path("phase").asText().equals("running"));
    }

    private static String vmId(String name) throws Exception {
        return vm(leader, name).path("id").asText();
    }

    private static JsonNode vm(int port, String name) throws Exception {
        HttpResponse<String> r = send(port, "GET", "/api/v1/projects/default/vms/" + name, null, admin);
        return JSON.readTree(r.body());
    }

    private static String token(String name, String role) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"projects\":[]}";
        HttpResponse<String> r = send(leader, "POST", "/api/v1/tokens", body, admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("secret").asText();
    }

    private static HttpResponse<String> send(int port, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<ApiServer> leaderServer() {
        return servers.stream()
                .filter(s -> s.cluster().role() == ClusterInfo.Role.LEADER)
                .findFirst();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
