package dev.mvirt.api;

import dev.mvirt.api.auth.NodeCredentials;
import dev.mvirt.api.grpc.ClusterJoinAuthority;
import dev.mvirt.api.raft.RaftCluster;
import dev.mvirt.api.raft.RaftStore;
import dev.mvirt.api.rest.Bootstrap;
import dev.mvirt.api.store.ClusterInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin token and the node secret ({@link NodeCredentials}) once the group has a leader: only the peer that leads does it, after a
 * linearizable read shows no token yet, so a cluster bootstraps one admin token however many peers start at once.
 * Runs on its own virtual thread until done or closed; the secret goes only to the 0600 file, never to a log.
 */
final class AdminBootstrap implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private final Thread thread;

    private AdminBootstrap(Thread thread) {
        this.thread = thread;
    }

    static AdminBootstrap start(RaftStore store, RaftCluster cluster, Path file) {
        return new AdminBootstrap(Thread.ofVirtual().name("admin-bootstrap").start(() -> run(store, cluster, file)));
    }

    private static void run(RaftStore store, RaftCluster cluster, Path file) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (cluster.role() == ClusterInfo.Role.LEADER) {
                    store.readConsistent().get(10, TimeUnit.SECONDS);
                    if (Bootstrap.ensureAdminToken(store, file)) {
                        LOG.info("admin token created; secret written to {}", file.toAbsolutePath());
                    }
                    if (ClusterJoinAuthority.ensureNodeSecret(store)) {
                        LOG.info("node secret created (node credentials derive from it)");
                    }
                    return;
                }
                if (hasToken(store) && NodeCredentials.hasSecret(store.read())) {
                    return; // bootstrapped (by this or another peer)
                }
                // another peer leads and should bootstrap; keep watching in case leadership moves here first
                Thread.sleep(Duration.ofMillis(500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("admin token bootstrap failed, retrying: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private static boolean hasToken(RaftStore store) {
        return store.read().settings().values().keySet().stream().anyMatch(k -> k.startsWith("token."));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
