package dev.mvirt.api.grpc;

import dev.mvirt.api.console.ConsoleBroker;
import dev.mvirt.api.controller.Heartbeats;
import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcServers;
import io.grpc.Server;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The NodeService listening on one endpoint (TCP :50056 in production, port 0 in tests). Started by {@code Main};
 * {@link #close} stops it and ends every spec stream (agents then reconnect elsewhere).
 */
public final class NodeServer implements AutoCloseable {
    /** The default NodeService port. */
    public static final int DEFAULT_PORT = 50056;

    private final Server server;

    private NodeServer(Server server) {
        this.server = server;
    }

    /**
     * Starts the service on {@code endpoint}. Heartbeats are recorded in {@code heartbeats} while {@code cluster}
     * says this server leads; {@code auth} checks join tokens and node credentials.
     *
     * @throws java.io.UncheckedIOException when the endpoint cannot be bound
     */
    public static NodeServer start(
            Endpoint endpoint,
            DataStore store,
            ClusterInfo cluster,
            Heartbeats heartbeats,
            JoinAuthority auth,
            Clock clock) {
        return start(
                endpoint,
                store,
                cluster,
                heartbeats,
                auth,
                clock,
                new ConsoleBroker(ConsoleBroker.DEFAULT_OPEN_TIMEOUT));
    }

    /** As above, with agents' console channels and sessions going to {@code consoles}. */
    public static NodeServer start(
            Endpoint endpoint,
            DataStore store,
            ClusterInfo cluster,
            Heartbeats heartbeats,
            JoinAuthority auth,
            Clock clock,
            ConsoleBroker consoles) {
        NodeServiceImpl service = new NodeServiceImpl(store, cluster, heartbeats, auth, clock, consoles);
        return new NodeServer(GrpcServers.start(endpoint, service));
    }

    /** The TCP port bound (useful after asking for port 0); -1 for a unix socket. */
    public int port() {
        return server.getListenSockets().stream()
                .filter(a -> a instanceof InetSocketAddress)
                .mapToInt(a -> ((InetSocketAddress) a).getPort())
                .findFirst()
                .orElse(-1);
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
