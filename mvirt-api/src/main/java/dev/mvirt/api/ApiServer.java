package dev.mvirt.api;

import dev.mvirt.api.raft.AuditRecorder;
import dev.mvirt.api.raft.RaftCluster;
import dev.mvirt.api.raft.RaftConfig;
import dev.mvirt.api.raft.RaftNode;
import dev.mvirt.api.raft.RaftStore;
import dev.mvirt.api.scheduler.Scheduler;
import dev.mvirt.common.audit.AuditLogger;
import dev.mvirt.common.audit.AuditSink;
import dev.mvirt.common.grpc.Endpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API server, wired: the Raft peer and its store, the audit recorder, the REST API and the NodeService. Start
 * with {@link #start}; {@link #close} stops everything in reverse order. Used by {@link Main}, tests and
 * {@code mvirt dev}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final ServerConfig config;
    private final RaftNode raft;
    private final RaftStore store;
    private final RaftCluster cluster;
    private final PrometheusMeterRegistry registry;
    private final Optional<AuditLogger> audit;

    private ApiServer(
            ServerConfig config, RaftNode raft, PrometheusMeterRegistry registry, Optional<AuditLogger> audit) {
        this.config = config;
        this.raft = raft;
        this.store = new RaftStore(raft, Clock.systemUTC());
        this.cluster = new RaftCluster(raft);
        this.registry = registry;
        this.audit = audit;
    }

    /** Starts the peer and its listeners; throws with the reason when a port or directory is unusable. */
    public static ApiServer start(ServerConfig cfg) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RaftConfig raftConfig = RaftConfig.of(cfg.id(), cfg.dataDir().resolve("raft"), cfg.raftAddress(), cfg.peers());
        RaftNode raft = RaftNode.start(raftConfig, new Scheduler(), registry);
        Optional<AuditLogger> audit = cfg.auditEndpoint().isEmpty()
                ? Optional.empty()
                : Optional.of(AuditLogger.connect(Endpoint.parse(cfg.auditEndpoint())));
        AuditSink sink = audit.<AuditSink>map(a -> a).orElse(AuditSink.noop());
        raft.listen(new AuditRecorder(sink, raft::isLeader));
        ApiServer server;
        try {
            server = new ApiServer(cfg, raft, registry, audit);
        } catch (RuntimeException e) {
            audit.ifPresent(AuditLogger::close);
            raft.close();
            throw e;
        }
        LOG.info(
                "api server started id={} raft={} peers={}",
                cfg.id(),
                cfg.raftAddress(),
                cfg.peers().keySet());
        return server;
    }

    /** The port the REST API listens on. */
    public int httpPort() {
        return http.port();
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
        return "mvirt-api " + config.id() + ": raft " + config.raftAddress() + ", data "
                + config.dataDir().toAbsolutePath();
    }

    @Override
    public void close() {
        audit.ifPresent(AuditLogger::close);
        raft.close();
    }
}
