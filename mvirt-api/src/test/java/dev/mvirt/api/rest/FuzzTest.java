package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed, truncated, deeply nested, huge, wrongly typed and unicode-laden bodies to every POST, PUT and PATCH:
 * each answer is a 4xx problem, never a 5xx, and the state's revision does not move.
 */
class FuzzTest {
    private static RestFixture f;

    private static final String[] WRITES = {
        "POST /api/v1/projects",
        "PATCH /api/v1/projects/default",
        "PATCH /api/v1/nodes/h1",
        "POST /api/v1/projects/default/networks",
        "PATCH /api/v1/projects/default/networks/lan",
        "POST /api/v1/projects/default/nics",
        "PATCH /api/v1/projects/default/nics/eth0",
        "POST /api/v1/projects/default/nics/eth0/attach",
        "POST /api/v1/projects/default/volumes",
        "PATCH /api/v1/projects/default/volumes/disk",
        "POST /api/v1/projects/default/volumes/disk/snapshots",
        "POST /api/v1/projects/default/volumes/disk/rollback",
        "POST /api/v1/projects/default/templates",
        "POST /api/v1/projects/default/securityGroups",
        "PATCH /api/v1/projects/default/securityGroups/sg",
        "POST /api/v1/projects/default/securityGroups/sg/rules",
        "POST /api/v1/projects/default/vms",
        "PATCH /api/v1/projects/default/vms/web",
        "PUT /api/v1/locks/k",
        "POST /api/v1/cluster/peers",
        "POST /api/v1/cluster/leader",
        "PATCH /api/v1/settings",
        "PUT /api/v1/features/x",
        "POST /api/v1/tokens",
    };

    @BeforeAll
    static void start() {
        f = RestFixture.start(cfg -> cfg.withLimits(64 * 1024, 32, 8));
        Client c = f.client;
        f.node("h1", 8, 8192);
        c.post("/api/v1/projects/default/networks", "{\"name\":\"lan\",\"spec\":{\"ipv4Cidr\":\"10.0.0.0/24\"}}")
                .expect(201);
        c.post("/api/v1/projects/default/nics", "{\"name\":\"eth0\",\"spec\":{\"network\":\"lan\"}}")
                .expect(201);
        c.post("/api/v1/projects/default/volumes", "{\"name\":\"disk\",\"spec\":{\"sizeBytes\":1048576}}")
                .expect(201);
        c.post("/api/v1/projects/default/securityGroups", "{\"name\":\"sg\",\"spec\":{}}")
                .expect(201);
        c.post("/api/v1/projects/default/vms", VmApiTest.vm("web", "")).expect(202);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static List<String> bodies() {
        List<String> b = new ArrayList<>();
        b.add("{");
        b.add("{\"name\":\"x\",\"spec\":{\"ipv4Cidr\":");
        b.add("[]");
        b.add("null");
        b.add("42");
        b.add("\"text\"");
        b.add("{\"name\":\"x\"} trailing");
        b.add("{\"a\":".repeat(200) + "1" + "}".repeat(200));
        b.add("[".repeat(5000) + "]".repeat(5000));
        b.add("{\"name\":\"" + "x".repeat(100_000) + "\",\"spec\":{}}");
        b.add("{\"name\":\"ünïcödé-名前-🚀\",\"labels\":{\"ключ\":\"値\"},\"spec\":{\"description\":\"\u0000\"}}");
        b.add("{\"name\":123,\"spec\":\"nope\"}");
        b.add("{\"name\":\"x\",\"spec\":{\"vcpus\":\"two\",\"memoryMib\":1.5,\"sizeBytes\":true}}");
        b.add("{\"spec\":{\"ipv4Cidr\":[1,2],\"sizeBytes\":-1,\"rules\":{}}}");
        b.add("{\"labels\":{\"a\":1},\"spec\":{\"unknownField\":1}}");
        b.add("{\"name\":\"x\",\"name\":\"y\",\"spec\":{}}");
        b.add(
                "{\"owner\":[],\"ttlMillis\":\"1\",\"id\":{},\"address\":5,\"vm\":7,\"snapshot\":null,\"enabled\":\"yes\"}");
        b.add("{\"name\":\"../etc\",\"direction\":\"sideways\",\"role\":\"god\",\"spec\":{\"boot\":[]}}");
        b.add("\uFEFF{\"name\":\"bom\"");
        b.add("{\"x\":\"\uD800\"}");
        return b;
    }

    @Test
    void everyWriteAnswers4xxProblemAndChangesNothing() {
        Client c = f.client.unchecked();
        long before = f.revision();
        List<String> failures = new ArrayList<>();
        for (String write : WRITES) {
            String[] mp = write.split(" ");
            for (String body : bodies()) {
                Reply r = c.send(mp[0], mp[1], body);
                boolean problem = r.header("Content-Type").startsWith("application/problem+json");
                if (r.status() < 400 || r.status() >= 500 || !problem) {
                    failures.add(write + " <- " + abbreviate(body) + " = " + r.status() + " " + abbreviate(r.body()));
                    continue;
                }
                JsonNode p = r.json();
                if (p.path("code").asText().isEmpty()
                        || p.path("requestId").asText().isEmpty()) {
                    failures.add(write + " problem without code or requestId: " + r.body());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(f.revision()).isEqualTo(before);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
