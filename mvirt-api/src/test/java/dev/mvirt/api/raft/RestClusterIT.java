package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.api.rest.ApiConfig;
import dev.mvirt.api.rest.Bootstrap;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3 across three Raft peers over HTTP: follower writes, reads elsewhere, If-Match across peers, revocation. */
class RestClusterIT {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesReadsPreconditionsAndRevocationHoldOnEveryPeer() throws Exception {
        List<Javalin> apps = new ArrayList<>();
        try (TestCluster c = TestCluster.started(dir.resolve("raft"), 3)) {
            Map<String, String> base = new LinkedHashMap<>();
            for (String id : c.nodes.keySet()) {
                Javalin app = dev.mvirt.api.rest.HttpApi.create(
                                c.store(id), c.info(id), ApiConfig.defaults().withAddress("127.0.0.1", 0))
                        .start();
                apps.add(app);
                base.put(id, "http://127.0.0.1:" + app.port());
            }
            String leader = c.awaitLeader();
            Path adminFile = dir.resolve("admin.token");
            assertThat(Bootstrap.ensureAdminToken(c.store(leader), adminFile)).isTrue();
            String admin = Files.readString(adminFile).strip();
            List<String> followers =
                    c.nodes.keySet().stream().filter(id -> !id.equals(leader)).toList();
            String writeOn = base.get(followers.get(0));
            String readOn = base.get(followers.get(1));

            HttpResponse<String> created =
                    send("POST", writeOn + "/api/v1/projects", admin, "{\"name\":\"shop\",\"spec\":{}}", "");
            assertThat(created.statusCode()).isEqualTo(201);
            String etag = created.headers().firstValue("ETag").orElseThrow();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> send("GET", readOn + "/api/v1/projects/shop", admin, "", "")
                                    .statusCode()
                            == 200);
            HttpResponse<String> consistent =
                    send("GET", readOn + "/api/v1/projects/shop?consistent=true", admin, "", "");
            assertThat(consistent.headers().firstValue("ETag")).contains(etag);

            String patch = "{\"spec\":{\"description\":\"v2\"}}";
            HttpResponse<String> ok = send("PATCH", base.get(leader) + "/api/v1/projects/shop", admin, patch, etag);
            assertThat(ok.statusCode()).isEqualTo(200);
            HttpResponse<String> stale = send("PATCH", readOn + "/api/v1/projects/shop", admin, patch, etag);
            assertThat(stale.statusCode()).isEqualTo(412);
            assertThat(json.readTree(stale.body()).get("code").asText()).isNotEmpty();

            HttpResponse<String> minted =
                    send("POST", readOn + "/api/v1/tokens", admin, "{\"name\":\"ci\",\"role\":\"operator\"}", "");
            assertThat(minted.statusCode()).isEqualTo(201);
            String secret = json.readTree(minted.body()).get("secret").asText();
            for (String b : base.values()) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> send("GET", b + "/api/v1/projects", secret, "", "")
                                        .statusCode()
                                == 200);
            }
            assertThat(send("DELETE", writeOn + "/api/v1/tokens/ci", admin, "", "")
                            .statusCode())
                    .isEqualTo(204);
            for (String b : base.values()) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> send("GET", b + "/api/v1/projects", secret, "", "")
                                        .statusCode()
                                == 401);
            }
        } finally {
            apps.forEach(Javalin::stop);
        }
    }

    private HttpResponse<String> send(String method, String url, String token, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            b.header("Content-Type", "application/json");
        }
        if (!ifMatch.isEmpty()) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
