package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.FakeAuditReader;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mvirt audit} against a real REST API whose audit log is an in-memory reader. */
class AuditCommandTest {
    static final FakeAuditReader log = new FakeAuditReader();
    static ApiFixture api;
    static String vmId = "";

    @BeforeAll
    static void start() {
        api = ApiFixture.startWithAudit(log);
        api.node("n1", 8, 8192);
        api.ok("vm", "create", "web", "--kernel", "/boot/vmlinuz", "--stopped");
        vmId = api.api("/api/v1/projects/default/vms/web").path("id").asText();
        entry(1, "admin", "Create vm web", vmId, "ok");
        entry(2, "node:n1", "VM started", vmId, "");
        entry(3, "ops", "SetVmPower vm " + vmId + " to stopped", vmId, "conflict:busy");
        entry(4, "admin", "Create vm gone", "0f0e0d0c-0000-4000-8000-000000000001", "ok");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void entry(int second, String actor, String message, String object, String outcome) {
        boolean fromApi = !outcome.isEmpty();
        AuditEntry.Builder b = AuditEntry.audit(fromApi ? "api" : "node", message)
                .timestamp(Instant.parse("2026-01-02T10:00:00Z").plusSeconds(second))
                .actor(actor)
                .object(object);
        if (fromApi) {
            String name = message.contains("gone") ? "gone" : "web";
            b.field("kind", "vm").field("name", name).field("project", "default");
            b.field("revision", Integer.toString(10 + second)).field("outcome", outcome);
        }
        log.record(b.build());
    }

    @Test
    void aVmNameShowsEveryStepWithItsActor() {
        String out = api.ok("audit", "--object", "web").out();
        assertThat(out.lines().findFirst().orElseThrow())
                .contains("TIME", "ACTOR", "ACTION", "KIND", "OBJECT", "REVISION", "MESSAGE");
        assertThat(out)
                .contains("admin", "Create", "vm", "web", "11", "Create vm web")
                .contains("node:n1", "node", "VM started")
                .contains("ops", "SetVmPower", "[conflict:busy]")
                .doesNotContain("gone");
        assertThat(out.indexOf("Create vm web")).isLessThan(out.indexOf("VM started"));
    }

    @Test
    void aDeletedVmIsFoundByItsRecordedName() {
        JsonNode page =
                api.ok("audit", "list", "--object", "gone", "-o", "json").json();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.at("/items/0/message").asText()).isEqualTo("Create vm gone");
    }

    @Test
    void filtersByActorAndLimitAndSaysWhereOlderEntriesAre() {
        assertThat(api.ok("audit", "--actor", "ops", "-o", "json").json().path("items"))
                .hasSize(1);
        var r = api.ok("audit", "--object", vmId, "--limit", "1");
        assertThat(r.out()).contains("SetVmPower").doesNotContain("VM started");
        assertThat(r.err()).contains("--continue");
        assertThat(api.ok("audit", "--since", "2026-01-02T10:00:02Z", "-o", "json")
                        .json()
                        .path("items"))
                .hasSize(3);
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThat(api.run("audit", "--limit", "0").code()).isEqualTo(2);
        assertThat(api.run("audit", "--since", "yesterday").err()).contains("--since");
        assertThat(api.run("audit", "--object", "web", "--kind", "spaceship").code())
                .isEqualTo(2);
        assertThat(api.run("audit", "--object", "../etc").code()).isNotZero();
    }
}
