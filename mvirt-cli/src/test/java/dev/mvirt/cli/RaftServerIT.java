package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mvirt.api.ApiServer;
import dev.mvirt.api.ServerConfig;
import dev.mvirt.api.raft.Limits;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a real API server: one Raft peer with its bootstrapped admin token, REST on port 0. */
class RaftServerIT {
    @Test
    void commandsWorkAgainstARaftPeer(@TempDir Path dir) throws Exception {
        String raft = "127.0.0.1:" + freePort();
        ServerConfig cfg = new ServerConfig(
                "api1",
                dir.resolve("api1"),
                raft,
                Map.of("api1", raft),
                "127.0.0.1:0",
                "127.0.0.1:0",
                Optional.empty(),
                Optional.empty(),
                "",
                Limits.DEFAULT);
        try (ApiServer server = ApiServer.start(cfg)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(cfg.tokenFile()));
            Map<String, String> env = new HashMap<>();
            env.put("HOME", dir.toString());
            var add = ApiFixture.run(
                    env,
                    "",
                    false,
                    "remote",
                    "add",
                    "raft",
                    "http://127.0.0.1:" + server.httpPort(),
                    "--token-file",
                    cfg.tokenFile().toString());
            assertThat(add.code()).as(add.err()).isZero();
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            ApiFixture.run(env, "", false, "cluster", "health").code() == 0);
            assertThat(ApiFixture.run(env, "", false, "cluster", "status").out())
                    .contains("api1", "leader");
            var net = ApiFixture.run(env, "", false, "network", "create", "lan", "--ipv4", "10.0.0.0/24", "-o", "json");
            assertThat(net.code()).as(net.err()).isZero();
            assertThat(ApiFixture.run(env, "", false, "network", "get", "lan", "-o", "json")
                            .json())
                    .isEqualTo(net.json());
            var vm = ApiFixture.run(env, "", false, "vm", "create", "web", "--kernel", "/boot/vmlinuz");
            assertThat(vm.code()).as(vm.err()).isEqualTo(6);
            assertThat(ApiFixture.run(env, "", false, "network", "delete", "lan", "-y")
                            .code())
                    .isZero();
            assertThat(ApiFixture.run(env, "", false, "network", "get", "lan").code())
                    .isEqualTo(3);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
