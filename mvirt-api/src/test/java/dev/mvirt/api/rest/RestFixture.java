package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.scheduler.Scheduler;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.LocalStore;
import dev.mvirt.api.store.SingleNodeCluster;
import dev.mvirt.common.audit.AuditReader;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The API on port 0 over a {@link LocalStore}, with a client; closed after each test. */
final class RestFixture implements AutoCloseable {
    final DataStore store;
    final ClusterInfo cluster;
    final Javalin app;
    final Client client;

    private RestFixture(DataStore store, ClusterInfo cluster, UnaryOperator<ApiConfig> tune, boolean admin) {
        this(store, cluster, tune, admin, AuditReader.unconfigured("this API server runs without --audit"));
    }

    private RestFixture(
            DataStore store, ClusterInfo cluster, UnaryOperator<ApiConfig> tune, boolean admin, AuditReader audit) {
        this.store = store;
        this.cluster = cluster;
        ApiConfig cfg = tune.apply(ApiConfig.defaults()
                .withAddress("127.0.0.1", 0)
                .withRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .withTiming(Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofMillis(200)));
        this.app = HttpApi.create(store, cluster, cfg, audit).start();
        String secret =
                admin ? Bootstrap.create(store, new TokenBook(new Json(32)), "root", "admin", Clock.systemUTC()) : "";
        this.client = new Client("http://127.0.0.1:" + app.port(), secret, true);
    }

    static RestFixture start() {
        return start(c -> c);
    }

    static RestFixture start(UnaryOperator<ApiConfig> tune) {
        LocalStore local = new LocalStore(new Scheduler(), Clock.systemUTC());
        return new RestFixture(new FaultyStore(local), new SingleNodeCluster("api-1", local), tune, true);
    }

    /** The API reading its audit log through {@code audit}. */
    static RestFixture startWithAudit(AuditReader audit) {
        LocalStore local = new LocalStore(new Scheduler(), Clock.systemUTC());
        return new RestFixture(new FaultyStore(local), new SingleNodeCluster("api-1", local), c -> c, true, audit);
    }

    /** A cluster on its first start: no token at all. */
    static RestFixture startWithoutTokens() {
        LocalStore local = new LocalStore(new Scheduler(), Clock.systemUTC());
        return new RestFixture(new FaultyStore(local), new SingleNodeCluster("api-1", local), c -> c, false);
    }

    /** The store, to make it lose quorum or history. */
    FaultyStore faults() {
        return (FaultyStore) store;
    }

    /** Registers a ready host with {@code cpus} and {@code memoryMib}; returns its id. */
    String node(String name, int cpus, long memoryMib) {
        String id = UUID.randomUUID().toString();
        NodeStatus facts = new NodeStatus(
                NodePhase.READY,
                name,
                "10.0.0.1",
                cpus,
                memoryMib,
                List.of(new StoragePool("tank", 1L << 40, 1L << 40)),
                List.of("qemu"),
                "test");
        var out = store.registerNode(Caller.of("agent"), id, name, Map.of("zone", "a"), facts)
                .join();
        assertThat(out.result().ok()).as("%s", out.result()).isTrue();
        return id;
    }

    /** What a host reports for resource {@code id} of {@code kind}. */
    void report(Kind kind, String id, String nodeId, Status status) {
        var out = store.submit(new Command.ReportStatus(kind, id, nodeId, status), Caller.of("agent"))
                .join();
        assertThat(out.result().ok()).as("%s", out.result()).isTrue();
    }

    /** A new token's secret. */
    String token(String name, String role, String projects) {
        String body = "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"projects\":[" + projects + "]}";
        return client.post("/api/v1/tokens", body)
                .expect(201)
                .json()
                .get("secret")
                .asText();
    }

    long revision() {
        return store.read().revision();
    }

    @Override
    public void close() {
        app.stop();
    }
}
