package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.rest.ApiConfig;
import dev.mvirt.api.rest.Bootstrap;
import dev.mvirt.api.rest.HttpApi;
import dev.mvirt.api.scheduler.Scheduler;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.LocalStore;
import dev.mvirt.api.store.SingleNodeCluster;
import dev.mvirt.cli.command.Io;
import dev.mvirt.common.audit.AuditReader;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real REST API (Javalin over a LocalStore) on 127.0.0.1:0 with an admin token, a temporary HOME, and a way to
 * run {@code mvirt} in-process with captured output. Closed after each test class.
 */
final class ApiFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final LocalStore store;
    final Javalin app;
    final String endpoint;
    final String token;
    final Path home;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + "\nerr: " + err, e);
            }
        }
    }

    private ApiFixture(AuditReader audit) {
        try {
            home = Files.createTempDirectory("mvirt-cli-home");
            store = new LocalStore(new Scheduler(), Clock.systemUTC());
            app = HttpApi.create(
                            store,
                            new SingleNodeCluster("api-1", store),
                            ApiConfig.defaults().withAddress("127.0.0.1", 0),
                            audit)
                    .start();
            endpoint = "http://127.0.0.1:" + app.port();
            Path tokenFile = home.resolve("admin.token");
            assertThat(Bootstrap.ensureAdminToken(store, tokenFile)).isTrue();
            token = Files.readString(tokenFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiFixture start() {
        return new ApiFixture(AuditReader.unconfigured("this API server runs without --audit"));
    }

    /** A server whose {@code /api/v1/audit} reads {@code audit}. */
    static ApiFixture startWithAudit(AuditReader audit) {
        return new ApiFixture(audit);
    }

    /** The environment of a run: the temporary HOME, this server, the admin token. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("MVIRT_ENDPOINT", endpoint);
        env.put("MVIRT_TOKEN", token);
        return env;
    }

    Run run(String... args) {
        return run(env(), "", false, args);
    }

    /** Runs mvirt with {@code env}, {@code stdin} and a terminal or not. */
    static Run run(Map<String, String> env, String stdin, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out,
                terminal);
        int code = Main.run(args, io, env);
        io.out().flush();
        io.err().flush();
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs and expects exit code 0. */
    Run ok(String... args) {
        Run r = run(args);
        assertThat(r.code())
                .as("mvirt %s\nout: %s\nerr: %s", String.join(" ", args), r.out(), r.err())
                .isZero();
        return r;
    }

    /** GET {@code path} straight from the API (with the admin token). */
    JsonNode api(String path) {
        try {
            HttpResponse<String> res = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(endpoint + path))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a ready node; returns its id. */
    String node(String name, int cpus, long memoryMib) {
        String id = UUID.randomUUID().toString();
        NodeStatus facts = new NodeStatus(
                NodePhase.READY,
                name,
                "10.0.0.7",
                cpus,
                memoryMib,
                List.of(new StoragePool("tank", 1L << 40, 1L << 40)),
                List.of("qemu"),
                "test");
        var out = store.submit(new Command.RegisterNode(id, name, Map.of("zone", "a"), facts), Caller.of("agent"))
                .join();
        assertThat(out.result().ok()).as("%s", out.result()).isTrue();
        return id;
    }

    /** Reports a VM's phase as its host would. */
    void vmPhase(String project, String vm, VmPhase phase) {
        JsonNode v = api("/api/v1/projects/" + project + "/vms/" + vm);
        String node = v.at("/status/node").asText();
        var out = store.submit(
                        new Command.ReportStatus(
                                Kind.VM,
                                v.path("id").asText(),
                                node,
                                new VmStatus(
                                        phase,
                                        node,
                                        "",
                                        v.at("/spec/rebootGeneration").asLong(),
                                        42)),
                        Caller.of("agent"))
                .join();
        assertThat(out.result().ok()).as("%s", out.result()).isTrue();
    }

    @Override
    public void close() {
        app.stop();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp dir cleanup is best effort
        }
    }
}
