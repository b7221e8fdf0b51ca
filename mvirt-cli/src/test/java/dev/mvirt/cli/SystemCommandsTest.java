package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cluster, tokens, settings, audit, events, watching, completion and help. */
class SystemCommandsTest {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void cluster() {
        assertThat(api.ok("cluster", "status").out()).contains("SELF", "api-1", "leader", "PEER");
        assertThat(api.ok("cluster", "status", "-o", "json").json()).isEqualTo(api.api("/api/v1/cluster"));
        assertThat(api.ok("cluster", "peers", "-o", "name").out().trim()).isEqualTo("api-1");
        assertThat(api.ok("cluster", "leader").out().trim()).isEqualTo("api-1");
        assertThat(api.ok("cluster", "health", "-o", "json")
                        .json()
                        .path("ready")
                        .asBoolean())
                .isTrue();
        var snap = api.run("cluster", "snapshot");
        assertThat(snap.code()).as(snap.err()).isIn(0, 9);
        var remove = api.run("cluster", "remove-peer", "api-9", "-y");
        assertThat(remove.code()).as(remove.err()).isEqualTo(3);
    }

    @Test
    void tokens() {
        var created = api.run("token", "create", "ci", "--role", "operator", "--for-project", "default");
        assertThat(created.code()).as(created.err()).isZero();
        String secret = created.out().trim();
        assertThat(created.err()).contains("shown only now");
        assertThat(api.ok("token", "list").out()).contains("ci", "operator", "default", "never");
        assertThat(api.ok("token", "get", "ci", "-o", "json")
                        .json()
                        .path("role")
                        .asText())
                .isEqualTo("operator");
        var env = api.env();
        env.put("MVIRT_TOKEN", secret);
        assertThat(ApiFixture.run(env, "", false, "vm", "list").code()).isZero();
        var denied = ApiFixture.run(env, "", false, "token", "list");
        assertThat(denied.code()).as(denied.err()).isEqualTo(7);
        api.ok("token", "revoke", "ci", "-y");
        assertThat(ApiFixture.run(env, "", false, "vm", "list").code()).isEqualTo(7);
    }

    @Test
    void settingsAndFeatures() {
        api.ok("settings", "set", "scheduler.strategy=binpack");
        assertThat(api.ok("settings", "get", "scheduler.strategy").out().trim()).isEqualTo("binpack");
        assertThat(api.ok("settings", "get").out()).contains("KEY", "scheduler.strategy", "binpack");
        api.ok("settings", "unset", "scheduler.strategy");
        assertThat(api.run("settings", "get", "scheduler.strategy").out()).doesNotContain("binpack");
        var unknown = api.run("settings", "set", "no.such.key=1");
        assertThat(unknown.code()).as(unknown.err()).isEqualTo(10);
        api.ok("settings", "enable", "live-migration");
        assertThat(api.ok("settings", "features").out()).contains("live-migration", "on");
        api.ok("settings", "disable", "live-migration");
        assertThat(api.ok("settings", "features", "-o", "json")
                        .json()
                        .at("/features/live-migration")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void auditSaysWhenTheServerHasNoEndpoint() {
        var r = api.run("audit", "list");
        assertThat(r.code()).isEqualTo(9);
        assertThat(r.err())
                .contains("the audit endpoint is not available on this server")
                .doesNotContain("\n\n");
    }

    @Test
    void eventsAndWatch() throws Exception {
        var events = CompletableFuture.supplyAsync(
                () -> api.run("events", "--kind", "networks", "--count", "2", "-o", "json"));
        var watch = CompletableFuture.supplyAsync(() -> api.run("network", "list", "-w", "--count", "2"));
        var get = CompletableFuture.supplyAsync(() -> {
            api.ok("network", "create", "watched", "--ipv4", "10.7.0.0/24");
            return api.run("network", "get", "watched", "-w", "--count", "1", "-o", "json");
        });
        Thread.sleep(1500);
        api.ok("network", "label", "watched", "seen=yes");
        var e = events.get(30, TimeUnit.SECONDS);
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode first = ApiFixture.JSON.readTree(e.out().lines().findFirst().orElseThrow());
        assertThat(first.path("kind").asText()).isEqualTo("networks");
        assertThat(first.at("/resource/name").asText()).isEqualTo("watched");
        var w = watch.get(30, TimeUnit.SECONDS);
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out().lines().filter(l -> l.startsWith("watched"))).hasSizeGreaterThanOrEqualTo(1);
        var g = get.get(30, TimeUnit.SECONDS);
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(g.out().lines().toList()).hasSize(2);
        assertThat(ApiFixture.JSON
                        .readTree(g.out().lines().toList().get(1))
                        .at("/labels/seen")
                        .asText())
                .isEqualTo("yes");
    }

    @Test
    void helpCompletionAndUsage() {
        var help = api.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out())
                .contains("Exit codes:", "not found", "no capacity", "timeout", "conflict", "vm", "security-group");
        assertThat(api.ok("vm", "--help").out()).contains("create", "start", "console", "--output");
        String bash = api.ok("completion", "bash").out();
        assertThat(bash).contains("complete -F").contains("security-group");
        assertThat(api.ok("completion", "zsh").out()).contains("bashcompinit");
        assertThat(api.run("completion", "fish").code()).isEqualTo(2);
        assertThat(api.run().code()).isEqualTo(2);
        var wrong = api.run("vm", "lsit");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("Did you mean").contains("vm ls");
    }
}
