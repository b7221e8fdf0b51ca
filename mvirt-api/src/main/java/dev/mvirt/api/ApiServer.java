package dev.mvirt.api;

import dev.mvirt.api.console.ConsoleBroker;
import dev.mvirt.api.controller.ControllerLoop;
import dev.mvirt.api.controller.DrainController;
import dev.mvirt.api.controller.DrainPlanner;
import dev.mvirt.api.controller.Heartbeats;
import dev.mvirt.api.controller.LivenessController;
import dev.mvirt.api.controller.LockExpiryController;
import dev.mvirt.api.controller.VmMover;
import dev.mvirt.api.grpc.ClusterJoinAuthority;
import dev.mvirt.api.grpc.JoinAuthority;
import dev.mvirt.api.grpc.NodeServer;
import dev.mvirt.api.grpc.StaticJoinToken;
import dev.mvirt.api.raft.AuditRecorder;
import dev.mvirt.api.raft.RaftCluster;
import dev.mvirt.api.raft.RaftConfig;
import dev.mvirt.api.raft.RaftNode;
import dev.mvirt.api.raft.RaftStore;
import dev.mvirt.api.rest.ApiConfig;
import dev.mvirt.api.rest.HttpApi;
import dev.mvirt.api.scheduler.Scheduler;
import dev.mvirt.common.audit.AuditLogger;
import dev.mvirt.common.audit.AuditReader;
import dev.mvirt.common.audit.GrpcAuditReader;
import dev.mvirt.common.grpc.Endpoint;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API server, wired: the Raft peer and its store, the audit recorder, the REST API, the NodeService and the
 * leader-only controllers. {@link #start} undoes what it started when a later step fails; {@link #close} stops
 * everything in reverse order. Used by {@link Main}, tests and {@code mvirt dev}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Duration CONTROLLER_PERIOD = Duration.ofSeconds(1);

    private final ServerConfig config;
    private final RaftStore store;
    private final RaftCluster cluster;
    private final PrometheusMeterRegistry registry;
    private final Javalin http;
    private final NodeServer nodes;
    private final Deque<AutoCloseable> stops;

    private ApiServer(
            ServerConfig config,
            RaftStore store,
            RaftCluster cluster,
            PrometheusMeterRegistry registry,
            Javalin http,
            NodeServer nodes,
            Deque<AutoCloseable> stops) {
        this.config = config;
        this.store = store;
        this.cluster = cluster;
        this.registry = registry;
        this.http = http;
        this.nodes = nodes;
        this.stops = stops;
    }

    /** Starts the peer and its listeners; throws with the reason when a port, file or directory is unusable. */
    public static ApiServer start(ServerConfig cfg) {
        Deque<AutoCloseable> stops = new ArrayDeque<>();
        try {
            return startInto(cfg, stops);
        } catch (RuntimeException e) {
            closeAll(stops);
            throw e;
        }
    }

    private static ApiServer startInto(ServerConfig cfg, Deque<AutoCloseable> stops) {
        Clock clock = Clock.systemUTC();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RaftNode raft = RaftNode.start(
                RaftConfig.of(cfg.id(), cfg.dataDir().resolve("raft"), cfg.raftAddress(), cfg.peers())
                        .withLimits(cfg.limits()),
                new Scheduler(),
                registry);
        stops.push(raft);
        AuditReader auditReader = AuditReader.unconfigured("this API server runs without --audit");
        if (!cfg.auditEndpoint().isEmpty()) {
            AuditLogger logger = AuditLogger.connect(Endpoint.parse(cfg.auditEndpoint()));
            stops.push(logger);
            auditReader = GrpcAuditReader.connect(Endpoint.parse(cfg.auditEndpoint()), Duration.ofSeconds(5));
            stops.push(auditReader);
            // without --audit nothing is recorded, so no entry is built for each applied command
            raft.listen(new AuditRecorder(logger, raft::isLeader));
        }
        RaftStore store = new RaftStore(raft, clock);
        RaftCluster cluster = new RaftCluster(raft);

        ConsoleBroker consoles = new ConsoleBroker(ConsoleBroker.DEFAULT_OPEN_TIMEOUT);
        Endpoint.Tcp web = tcp("--http", cfg.httpAddress());
        Javalin http = HttpApi.create(
                        store,
                        cluster,
                        ApiConfig.defaults().withAddress(web.host(), web.port()).withRegistry(registry),
                        auditReader,
                        consoles)
                .start();
        stops.push(http::stop);
        stops.push(AdminBootstrap.start(store, cluster, cfg.tokenFile()));

        Heartbeats heartbeats = new Heartbeats(clock);
        JoinAuthority join = new ClusterJoinAuthority(
                store, List.of(StaticJoinToken.fromFile(Secrets.ensure(cfg.joinTokenFile()))), clock);
        NodeServer nodes =
                NodeServer.start(tcp("--grpc", cfg.grpcAddress()), store, cluster, heartbeats, join, clock, consoles);
        stops.push(nodes);
        stops.push(consoles);

        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("controllers").factory());
        stops.push(timer::shutdownNow);
        ControllerLoop loop = new ControllerLoop(
                        cluster,
                        List.of(
                                new LivenessController(store, heartbeats, clock),
                                new LockExpiryController(store, clock),
                                new DrainController(store, new DrainPlanner(new Scheduler()), VmMover.through(store))))
                .start(timer, CONTROLLER_PERIOD);
        stops.push(loop);
        LOG.info(
                "api server started id={} raft={} peers={}",
                cfg.id(),
                cfg.raftAddress(),
                cfg.peers().keySet());
        return new ApiServer(cfg, store, cluster, registry, http, nodes, stops);
    }

    /** The port the REST API listens on. */
    public int httpPort() {
        return http.port();
    }

    /** The port the NodeService listens on. */
    public int grpcPort() {
        return nodes.port();
    }

    /** The store handlers use. */
    public RaftStore store() {
        return store;
    }

    /** The Raft group view. */
    public RaftCluster cluster() {
        return cluster;
    }

    /** The metrics registry served at /metrics. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** What an operator needs to know after start-up. */
    public String banner() {
        Endpoint.Tcp web = tcp("--http", config.httpAddress());
        Endpoint.Tcp grpc = tcp("--grpc", config.grpcAddress());
        return String.join(
                "\n",
                "mvirt-api " + config.id() + " is up",
                "  REST         http://" + web.host() + ":" + httpPort() + "/api/v1   (health: /health/ready?verbose)",
                "  admin token  " + config.tokenFile().toAbsolutePath() + "   (written once, 0600, on first bootstrap)",
                "  NodeService  " + grpc.host() + ":" + grpcPort() + "   join token: " + config.joinTokenFile(),
                "  Raft         " + config.raftAddress() + "   peers " + config.peers(),
                "  data         " + config.dataDir().toAbsolutePath());
    }

    @Override
    public void close() {
        closeAll(stops);
    }

    private static void closeAll(Deque<AutoCloseable> stops) {
        while (!stops.isEmpty()) {
            AutoCloseable c = stops.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", c, e);
            }
        }
    }

    private static Endpoint.Tcp tcp(String flag, String address) {
        if (Endpoint.parse(address) instanceof Endpoint.Tcp t) {
            return t;
        }
        throw new IllegalArgumentException(flag + " must be HOST:PORT, got " + address);
    }
}
