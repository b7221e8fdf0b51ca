package dev.mvirt.api.raft;

import static org.awaitility.Awaitility.await;

import dev.mvirt.api.scheduler.Scheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Real Ratis peers on loopback in one JVM, each with its own directory under a test's temp dir. */
final class TestCluster implements AutoCloseable {
    final Map<String, String> addresses = new LinkedHashMap<>();
    final Map<String, Path> dirs = new LinkedHashMap<>();
    final Map<String, RaftNode> nodes = new LinkedHashMap<>();
    /** Each running peer's meters (those of its latest start). */
    final Map<String, SimpleMeterRegistry> meters = new LinkedHashMap<>();

    private final UnaryOperator<RaftConfig> tune;

    TestCluster(Path root, int size, UnaryOperator<RaftConfig> tune) {
        this.tune = tune;
        for (int i = 1; i <= size; i++) {
            String id = "p" + i;
            addresses.put(id, "127.0.0.1:" + freePort());
            dirs.put(id, root.resolve(id));
        }
    }

    static TestCluster started(Path root, int size) {
        return started(root, size, c -> c);
    }

    static TestCluster started(Path root, int size, UnaryOperator<RaftConfig> tune) {
        TestCluster c = new TestCluster(root, size, tune);
        c.addresses.keySet().forEach(c::start);
        c.awaitLeader();
        return c;
    }

    /** The stopped cluster {@code old} started again on the same addresses and data directories under {@code root}. */
    static TestCluster restarted(Path root, TestCluster old, UnaryOperator<RaftConfig> tune) {
        TestCluster c = new TestCluster(root, old.addresses.size(), tune);
        c.addresses.putAll(old.addresses);
        c.addresses.keySet().forEach(c::start);
        return c;
    }

    RaftNode start(String id) {
        RaftConfig cfg = tune.apply(RaftConfig.of(id, dirs.get(id), addresses.get(id), addresses));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RaftNode n = RaftNode.start(cfg, new Scheduler(), registry);
        nodes.put(id, n);
        meters.put(id, registry);
        return n;
    }

    void stop(String id) {
        RaftNode n = nodes.remove(id);
        if (n != null) {
            n.close();
        }
    }

    /** The store of running peer {@code id}, once it has caught up (its local reads answer). */
    RaftStore store(String id) {
        RaftNode n = nodes.get(id);
        if (!n.caughtUp()) { // awaitility waits a poll interval even when the condition already holds
            await().atMost(Duration.ofSeconds(30)).until(n::caughtUp);
        }
        return new RaftStore(n, Clock.systemUTC());
    }

    RaftCluster info(String id) {
        return new RaftCluster(nodes.get(id));
    }

    /** Waits until every running peer agrees on one leader, and returns it. */
    String awaitLeader() {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(this::agreedLeader, Optional::isPresent)
                .orElseThrow();
    }

    Optional<String> agreedLeader() {
        Optional<String> leader = Optional.empty();
        for (String id : nodes.keySet()) {
            Optional<String> l = info(id).leaderId();
            if (l.isEmpty() || (leader.isPresent() && !leader.get().equals(l.get()))) {
                return Optional.empty();
            }
            leader = l;
        }
        return leader.filter(nodes::containsKey)
                .filter(l -> info(l).role() == dev.mvirt.api.store.ClusterInfo.Role.LEADER);
    }

    String follower() {
        String leader = awaitLeader();
        return nodes.keySet().stream()
                .filter(id -> !id.equals(leader))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        for (String id : java.util.List.copyOf(nodes.keySet())) {
            stop(id);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
