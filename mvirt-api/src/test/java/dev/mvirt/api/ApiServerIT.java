package dev.mvirt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mvirt.api.raft.Limits;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wired server as {@code bin/mvirt-api} runs it: one peer, REST with tokens, NodeService, admin bootstrap. */
class ApiServerIT {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsBootstrapsAnAdminTokenAndServesTheApiToItOnly() throws Exception {
        String raft = "127.0.0.1:" + freePort();
        ServerConfig cfg = new ServerConfig(
                "api1",
                dir.resolve("data"),
                raft,
                Map.of("api1", raft),
                "127.0.0.1:0",
                "127.0.0.1:0",
                Optional.empty(),
                Optional.empty(),
                "",
                Limits.DEFAULT);
        try (ApiServer server = ApiServer.start(cfg)) {
            String base = "http://127.0.0.1:" + server.httpPort();
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(cfg.tokenFile()));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg.tokenFile())))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg.joinTokenFile())))
                    .isEqualTo("rw-------");
            String token = Files.readString(cfg.tokenFile()).strip();

            assertThat(get(base + "/health/ready", "").statusCode()).isEqualTo(200);
            assertThat(get(base + "/api/v1/projects", "").statusCode()).isEqualTo(401);
            HttpResponse<String> ok = get(base + "/api/v1/projects", token);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"default\"");
            assertThat(server.grpcPort()).isPositive();
            assertThat(server.banner())
                    .contains("/api/v1")
                    .contains(cfg.tokenFile().toString());
        }
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
