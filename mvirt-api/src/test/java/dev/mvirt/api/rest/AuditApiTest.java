package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.common.audit.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditApiTest {
    private static final Instant T0 = Instant.parse("2026-01-02T10:00:00Z");
    private final FakeLogService log = new FakeLogService();
    private final RestFixture f = RestFixture.startWithAudit(log.reader());
    private final Client c = f.client;

    @AfterEach
    void stop() {
        f.close();
        log.close();
    }

    private void entry(int second, String actor, String message, String object, String kind, String project) {
        AuditEntry.Builder b = AuditEntry.audit(actor.startsWith("node:") ? "node" : "api", message)
                .timestamp(T0.plusSeconds(second))
                .actor(actor)
                .object(object);
        if (!kind.isEmpty()) {
            b.field("kind", kind).field("name", object + "-name").field("project", project);
            b.field("revision", Integer.toString(second));
        }
        log.add(b.build());
    }

    private void lifecycle() {
        entry(1, "admin", "Create vm web", "vm-1", "vm", "default");
        entry(2, "node:n1", "VM started", "vm-1", "", "");
        entry(3, "admin", "Create volume data", "vol-1", "volume", "team");
        entry(4, "ops", "SetVmPower vm vm-1 to stopped", "vm-1", "vm", "default");
        entry(5, "admin", "Delete vm vm-1", "vm-1", "vm", "default");
    }

    private static List<String> messages(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("message").asText()));
        return out;
    }

    @Test
    void listsTheNewestEntriesOldestFirstWithTheirActor() {
        lifecycle();
        JsonNode page = c.get("/api/v1/audit?object=vm-1").expect(200).json();
        assertThat(messages(page))
                .containsExactly("Create vm web", "VM started", "SetVmPower vm vm-1 to stopped", "Delete vm vm-1");
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("actor").asText()).isEqualTo("admin");
        assertThat(first.path("time").asText()).isEqualTo("2026-01-02T10:00:01Z");
        assertThat(first.path("kind").asText()).isEqualTo("vm");
        assertThat(first.path("revision").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(1).path("actor").asText()).isEqualTo("node:n1");
        assertThat(page.has("continue")).isFalse();
    }

    @Test
    void filtersByActorTimeKindAndName() {
        lifecycle();
        assertThat(messages(c.get("/api/v1/audit?actor=ops").expect(200).json()))
                .containsExactly("SetVmPower vm vm-1 to stopped");
        assertThat(messages(c.get("/api/v1/audit?since=2026-01-02T10:00:02Z&until=2026-01-02T10:00:04Z")
                        .expect(200)
                        .json()))
                .containsExactly("VM started", "Create volume data");
        assertThat(messages(c.get("/api/v1/audit?kind=volumes").expect(200).json()))
                .containsExactly("Create volume data");
        assertThat(messages(c.get("/api/v1/audit?kind=vm&name=vm-1-name&project=default")
                        .expect(200)
                        .json()))
                .hasSize(3);
    }

    @Test
    void pagesBackWithContinue() {
        lifecycle();
        JsonNode p1 = c.get("/api/v1/audit?limit=2").expect(200).json();
        assertThat(messages(p1)).containsExactly("SetVmPower vm vm-1 to stopped", "Delete vm vm-1");
        entry(6, "admin", "newer, not in older pages", "vm-9", "vm", "default");
        JsonNode p2 = c.get(
                        "/api/v1/audit?limit=2&continue=" + p1.path("continue").asText())
                .expect(200)
                .json();
        assertThat(messages(p2)).containsExactly("VM started", "Create volume data");
        JsonNode p3 = c.get(
                        "/api/v1/audit?limit=2&continue=" + p2.path("continue").asText())
                .expect(200)
                .json();
        assertThat(messages(p3)).containsExactly("Create vm web");
        assertThat(p3.has("continue")).isFalse();
    }

    @Test
    void pagesThroughFilteredEntriesWithoutLosingAny() {
        for (int i = 0; i < 30; i++) {
            entry(i, "admin", "m" + i, "vm-" + i, i % 3 == 0 ? "vm" : "volume", "default");
        }
        List<String> seen = new ArrayList<>();
        String next = "";
        do {
            JsonNode p = c.get("/api/v1/audit?kind=vm&limit=4" + (next.isEmpty() ? "" : "&continue=" + next))
                    .expect(200)
                    .json();
            seen.addAll(0, messages(p));
            next = p.path("continue").asText();
        } while (!next.isEmpty());
        assertThat(seen).containsExactly("m0", "m3", "m6", "m9", "m12", "m15", "m18", "m21", "m24", "m27");
    }

    @Test
    void aProjectScopedTokenSeesItsProjectAndItsObjects() {
        c.post("/api/v1/projects", "{\"name\":\"team\",\"spec\":{}}").expect(201);
        Client team = c.as(f.token("team-ro", "viewer", "\"team\""));
        lifecycle();
        assertThat(messages(team.get("/api/v1/audit").expect(200).json())).containsExactly("Create volume data");
        assertThat(messages(team.get("/api/v1/audit?object=vm-1").expect(200).json()))
                .isEmpty();
        team.get("/api/v1/audit?project=default").problem(403, "forbidden");
        Client viewer = c.as(f.token("ro", "viewer", ""));
        assertThat(messages(viewer.get("/api/v1/audit").expect(200).json())).hasSize(5);
    }

    @Test
    void badParametersNameTheField() {
        assertThat(c.unchecked()
                        .get("/api/v1/audit?limit=0")
                        .problem(422, "invalid")
                        .path("field")
                        .asText())
                .isEqualTo("limit");
        assertThat(c.unchecked()
                        .get("/api/v1/audit?since=yesterday")
                        .problem(422, "invalid")
                        .path("field")
                        .asText())
                .isEqualTo("since");
        assertThat(c.get("/api/v1/audit?kind=spaceship")
                        .problem(422, "invalid")
                        .path("field")
                        .asText())
                .isEqualTo("kind");
        assertThat(c.get("/api/v1/audit?continue=bogus")
                        .problem(422, "invalid")
                        .path("field")
                        .asText())
                .isEqualTo("continue");
        assertThat(c.get("/api/v1/audit?name=../x")
                        .problem(422, "invalid")
                        .path("field")
                        .asText())
                .isEqualTo("name");
        c.as("").unchecked().get("/api/v1/audit").problem(401, "unauthenticated");
    }

    @Test
    void answers503WhenTheLogIsDown() {
        log.down();
        assertThat(c.get("/api/v1/audit")
                        .problem(503, "audit_unavailable")
                        .path("detail")
                        .asText())
                .contains("UNAVAILABLE");
    }

    @Test
    void answers503WithoutAnAuditLog() {
        try (RestFixture plain = RestFixture.start()) {
            assertThat(plain.client
                            .get("/api/v1/audit")
                            .problem(503, "audit_unavailable")
                            .path("detail")
                            .asText())
                    .contains("without --audit");
        }
    }
}
