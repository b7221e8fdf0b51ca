package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JoinTokenApiTest {
    private static final String PATH = "/api/v1/join-tokens";
    private final RestFixture f = RestFixture.start();
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theSecretIsShownOnceAtCreation() {
        JsonNode created = c.post(PATH, "{\"name\":\"rack-1\"}").expect(201).json();
        String secret = created.path("secret").asText();
        String prefix = "mvj_" + created.at("/joinToken/id").asText() + "_";
        assertThat(secret).startsWith(prefix);
        assertThat(created.at("/joinToken/name").asText()).isEqualTo("rack-1");
        Reply list = c.get(PATH).expect(200);
        assertThat(list.json().path("items")).hasSize(1);
        assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(prefix.length()));
        assertThat(c.get("/api/v1/settings").expect(200).body()).doesNotContain("jointoken.", "nodeSecret");
        c.post(PATH, "{\"name\":\"rack-1\"}").problem(409, "name_taken");
    }

    @Test
    void revokeKeepsTheRecordAndRefusesUnknownNames() {
        c.post(PATH, "{\"name\":\"rack-1\",\"expiresAt\":" + (System.currentTimeMillis() + 3_600_000) + "}")
                .expect(201);
        c.delete(PATH + "/rack-1").expect(204);
        assertThat(c.get(PATH).expect(200).json().at("/items/0/revoked").asBoolean())
                .isTrue();
        c.delete(PATH + "/nope").problem(404, "not_found");
    }

    @Test
    void onlyAdminsManageJoinTokens() {
        Client viewer = c.as(f.token("ro", "viewer", ""));
        viewer.get(PATH).problem(403, "forbidden");
        Client operator = c.as(f.token("ops", "operator", ""));
        operator.post(PATH, "{\"name\":\"x\"}").problem(403, "forbidden");
        c.as("").unchecked().get(PATH).problem(401, "unauthenticated");
    }

    @Test
    void badInputNamesTheField() {
        assertThat(c.post(PATH, "{\"name\":\"../x\"}")
                        .problem(422, "invalid")
                        .path("field")
                        .asText())
                .isEqualTo("name");
        assertThat(c.post(PATH, "{\"name\":\"x\",\"expiresAt\":5}")
                        .problem(422, "invalid")
                        .path("field")
                        .asText())
                .isEqualTo("expiresAt");
        c.unchecked().post(PATH, "{}").expect(422);
        assertThat(c.unchecked()
                        .patch("/api/v1/settings", "{\"cluster.nodeSecret\":\"" + "a".repeat(43) + "\"}")
                        .problem(422, "invalid")
                        .path("field")
                        .asText())
                .isEqualTo("cluster.nodeSecret");
    }
}
