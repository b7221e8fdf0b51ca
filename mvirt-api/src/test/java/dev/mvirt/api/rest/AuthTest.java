package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTest {
    private static final String NETS = "/api/v1/projects/default/networks";
    private static final String NET = "{\"name\":\"lan\",\"spec\":{\"ipv4Cidr\":\"10.0.0.0/24\"}}";
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void withoutTokenIs401() {
        Reply r = c.as("").unchecked().get(NETS);
        r.problem(401, "unauthenticated");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        c.as("mvt_nonsense").get(NETS).problem(401, "unauthenticated");
        c.as("").unchecked().post(NETS, NET).problem(401, "unauthenticated");
    }

    @Test
    void viewerReadsButCannotWrite() {
        Client viewer = c.as(f.token("ro", "viewer", ""));
        viewer.get(NETS).expect(200);
        long before = f.revision();
        viewer.post(NETS, NET).problem(403, "forbidden");
        assertThat(f.revision()).isEqualTo(before);
        Client operator = c.as(f.token("ops", "operator", ""));
        operator.post(NETS, NET).expect(201);
        operator.patch("/api/v1/settings", "{\"scheduler.strategy\":\"binpack\"}")
                .problem(403, "forbidden");
        operator.get("/api/v1/tokens").problem(403, "forbidden");
    }

    @Test
    void projectScopedToken() {
        c.post("/api/v1/projects", "{\"name\":\"team\",\"spec\":{}}").expect(201);
        Client scoped = c.as(f.token("team-ops", "operator", "\"team\""));
        scoped.post("/api/v1/projects/team/networks", NET).expect(201);
        scoped.post(NETS, NET).problem(403, "forbidden");
        scoped.get("/api/v1/projects/default").problem(403, "forbidden");
        scoped.get("/api/v1/nodes").expect(200);
    }

    @Test
    void revokedTokenStopsWorkingAndSecretsAreNeverListed() {
        String secret = f.token("temp", "operator", "");
        Client temp = c.as(secret);
        temp.get(NETS).expect(200);
        JsonNode list = c.get("/api/v1/tokens").expect(200).json();
        assertThat(list.toString()).doesNotContain(secret).doesNotContain("hash");
        assertThat(c.get("/api/v1/tokens/temp")
                        .expect(200)
                        .json()
                        .get("revoked")
                        .asBoolean())
                .isFalse();
        c.delete("/api/v1/tokens/temp").expect(204);
        temp.get(NETS).problem(401, "unauthenticated");
        assertThat(c.get("/api/v1/tokens/temp").json().get("revoked").asBoolean())
                .isTrue();
        c.post("/api/v1/tokens", "{\"name\":\"temp\",\"role\":\"viewer\"}").problem(409, "name_taken");
        c.unchecked()
                .post("/api/v1/tokens", "{\"name\":\"x\",\"role\":\"god\"}")
                .problem(422, "invalid");
        c.delete("/api/v1/tokens/nope").problem(404, "not_found");
        assertThat(c.get("/api/v1/settings").json().toString()).doesNotContain("token.");
    }

    @Test
    void expiredTokenIs401() {
        String body = "{\"name\":\"old\",\"role\":\"viewer\",\"expiresAt\":1000}";
        String secret =
                c.post("/api/v1/tokens", body).expect(201).json().get("secret").asText();
        c.as(secret).get(NETS).problem(401, "unauthenticated");
    }

    @Test
    void bootstrapWritesTheAdminTokenOnce(@TempDir Path dir) throws Exception {
        try (RestFixture fresh = RestFixture.startWithoutTokens()) {
            Path file = dir.resolve("admin.token");
            assertThat(Bootstrap.ensureAdminToken(fresh.store, file)).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            String secret = Files.readString(file).trim();
            fresh.client.as(secret).get("/api/v1/tokens").expect(200);
            assertThat(Bootstrap.ensureAdminToken(fresh.store, dir.resolve("again")))
                    .isFalse();
            assertThat(Files.exists(dir.resolve("again"))).isFalse();
        }
    }
}
