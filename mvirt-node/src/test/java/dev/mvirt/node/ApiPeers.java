package dev.mvirt.node;

import dev.mvirt.api.controller.ControllerLoop;
import dev.mvirt.api.controller.DrainController;
import dev.mvirt.api.controller.DrainPlanner;
import dev.mvirt.api.controller.Heartbeats;
import dev.mvirt.api.controller.LivenessController;
import dev.mvirt.api.controller.LockExpiryController;
import dev.mvirt.api.controller.VmMover;
import dev.mvirt.api.grpc.NodeServer;
import dev.mvirt.api.grpc.StaticJoinToken;
import dev.mvirt.api.raft.RaftCluster;
import dev.mvirt.api.raft.RaftConfig;
import dev.mvirt.api.raft.RaftNode;
import dev.mvirt.api.raft.RaftStore;
import dev.mvirt.api.scheduler.Scheduler;
import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.common.grpc.Endpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * API servers as Main wires them, in this JVM: a Ratis peer, its RaftStore, the NodeService on a TCP port and the
 * leader-only controllers. For the integration test and the placement benchmark.
 */
public final class ApiPeers implements AutoCloseable {
    /** One running API server. */
    public record Peer(
            String id,
            RaftNode raft,
            RaftStore store,
            RaftCluster cluster,
            NodeServer nodes,
            ControllerLoop loop,
            DrainController drain) {}

    public final Map<String, Peer> peers = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

    /** Starts {@code size} peers under {@code root} sharing {@code joinToken}. */
    public static ApiPeers start(Path root, int size, String joinToken) {
        ApiPeers p = new ApiPeers();
        Map<String, String> addresses = new LinkedHashMap<>();
        for (int i = 1; i <= size; i++) {
            addresses.put("p" + i, "127.0.0.1:" + freePort());
        }
        for (String id : addresses.keySet()) {
            RaftNode raft = RaftNode.start(
                    RaftConfig.of(id, root.resolve(id), addresses.get(id), addresses),
                    new Scheduler(),
                    new SimpleMeterRegistry());
            p.peers.put(id, p.wire(id, raft, joinToken));
        }
        return p;
    }

    private Peer wire(String id, RaftNode raft, String joinToken) {
        Clock clock = Clock.systemUTC();
        RaftStore store = new RaftStore(raft, clock);
        RaftCluster cluster = new RaftCluster(raft);
        Heartbeats heartbeats = new Heartbeats(clock);
        NodeServer server = NodeServer.start(
                new Endpoint.Tcp("127.0.0.1", 0), store, cluster, heartbeats, new StaticJoinToken(joinToken), clock);
        DrainController drain = new DrainController(store, new DrainPlanner(new Scheduler()), VmMover.through(store));
        ControllerLoop loop = new ControllerLoop(
                        cluster,
                        List.of(
                                new LivenessController(store, heartbeats, clock),
                                new LockExpiryController(store, clock),
                                drain))
                .start(scheduler, Duration.ofMillis(250));
        return new Peer(id, raft, store, cluster, server, loop, drain);
    }

    /** The NodeService addresses, in peer order. */
    public List<Endpoint> nodeEndpoints() {
        List<Endpoint> out = new ArrayList<>();
        peers.values()
                .forEach(p -> out.add(new Endpoint.Tcp("127.0.0.1", p.nodes().port())));
        return out;
    }

    /** The leader, once the running peers agree on one. */
    public Optional<Peer> leader() {
        return peers.values().stream()
                .filter(p -> p.cluster().role() == ClusterInfo.Role.LEADER)
                .findFirst();
    }

    /** Stops one peer as if it crashed: its NodeService, controllers and Raft server go. */
    public void kill(String id) {
        Peer p = peers.remove(id);
        if (p != null) {
            stop(p);
        }
    }

    @Override
    public void close() {
        peers.values().forEach(this::stop);
        peers.clear();
        scheduler.shutdownNow();
    }

    private void stop(Peer p) {
        p.loop().close();
        p.nodes().close();
        p.raft().close();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
