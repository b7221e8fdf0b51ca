package dev.mvirt.node;

import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.AuditSink;
import dev.mvirt.node.api.ApiEndpoints;
import dev.mvirt.node.api.HeartbeatLoop;
import dev.mvirt.node.api.NodeIdentity;
import dev.mvirt.node.api.Session;
import dev.mvirt.node.api.SpecWatcher;
import dev.mvirt.node.api.StatusSender;
import dev.mvirt.node.cache.AppliedLog;
import dev.mvirt.node.cache.DesiredCache;
import dev.mvirt.node.cache.Key;
import dev.mvirt.node.console.ConsoleChannels;
import dev.mvirt.node.daemon.HostInfo;
import dev.mvirt.node.daemon.NetDaemon;
import dev.mvirt.node.daemon.StorageDaemon;
import dev.mvirt.node.daemon.VmDaemon;
import dev.mvirt.node.reconcile.NetworkReconciler;
import dev.mvirt.node.reconcile.NicReconciler;
import dev.mvirt.node.reconcile.ReconcileLoop;
import dev.mvirt.node.reconcile.Reconciler;
import dev.mvirt.node.reconcile.SecurityGroupReconciler;
import dev.mvirt.node.reconcile.TemplateReconciler;
import dev.mvirt.node.reconcile.VmReconciler;
import dev.mvirt.node.reconcile.VolumeReconciler;
import dev.mvirt.proto.node.v1.HostFacts;
import dev.mvirt.proto.node.v1.ResourceKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running host agent: identity, desired-state cache, one reconcile loop per kind, and the three connections to
 * the API (spec stream, heartbeats, status reports), each on its own virtual thread. Reconcilers start from the
 * persisted cache at once, so a host keeps converging while the API is unreachable. {@link #close} stops the agent
 * (not the daemons: VMs keep running, as they would when the agent process dies).
 */
public final class NodeAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeAgent.class);
    /** The version reported at registration. */
    public static final String VERSION = "0.1.0";

    /** How the agent runs: API endpoints, data dir, join token, node name and labels, address, resync period. */
    public record Config(
            ApiEndpoints api,
            Path dataDir,
            String joinToken,
            String name,
            Map<String, String> labels,
            String address,
            Duration resync) {}

    private final Map<ResourceKind, ReconcileLoop> loops = new EnumMap<>(ResourceKind.class);
    private final List<Thread> threads = new ArrayList<>();
    private final Config config;
    private final DesiredCache cache;
    private final StatusSender status;
    private final SpecWatcher watcher;
    private final Session session;
    private @Nullable ConsoleChannels consoles;

    private NodeAgent(
            Config c,
            VmDaemon vmm,
            StorageDaemon storage,
            NetDaemon net,
            AuditSink audit,
            AppliedLog applied,
            Clock clock) {
        this.config = c;
        NodeIdentity identity = NodeIdentity.load(c.dataDir());
        this.cache = DesiredCache.open(c.dataDir().resolve("desired.pb"), applied);
        this.session = new Session(c.api(), identity, registration(c, vmm, storage), this::resyncAll);
        this.status = new StatusSender(c.api(), session);
        List<Reconciler> rs = List.of(
                new NetworkReconciler(cache, net),
                new SecurityGroupReconciler(cache, net, status),
                new NicReconciler(cache, net, status),
                new TemplateReconciler(
                        cache,
                        storage,
                        status,
                        (id, d) -> loop(ResourceKind.RESOURCE_KIND_TEMPLATE)
                                .queue()
                                .addAfter(id, d)),
                new VolumeReconciler(cache, storage, status),
                new VmReconciler(cache, vmm, storage, net, status, audit));
        rs.forEach(r -> loops.put(r.kind(), new ReconcileLoop(r, clock)));
        this.watcher = new SpecWatcher(c.api(), session, cache, this::changed, this::resyncAll);
        vmm.watch(id -> loop(ResourceKind.RESOURCE_KIND_VM).enqueue(id));
        audit.record(AuditEntry.audit("mvirt-node", "agent started")
                .object(identity.nodeId())
                .build());
    }

    /** Starts an agent with these daemon clients; {@code applied} hears every change the cache takes. */
    public static NodeAgent start(
            Config c,
            VmDaemon vmm,
            StorageDaemon storage,
            NetDaemon net,
            AuditSink audit,
            AppliedLog applied,
            Clock clock) {
        NodeAgent a = new NodeAgent(c, vmm, storage, net, audit, applied, clock);
        a.loops.forEach((kind, loop) -> loop.start(kind == ResourceKind.RESOURCE_KIND_VM ? 4 : 2));
        a.resync(false);
        a.spawn("spec-watcher", a.watcher);
        a.spawn("status-sender", a.status);
        a.spawn("heartbeats", new HeartbeatLoop(c.api(), a.session, a::resyncAll));
        a.spawn("resync", a::periodicResync);
        a.consoles = ConsoleChannels.start(c.api(), a.session, vmm);
        log.info("agent started node={} name={} cachedRevision={}", a.nodeId(), c.name(), a.cache.revision());
        return a;
    }

    /** This host's node id. */
    public String nodeId() {
        return session.nodeId();
    }

    /** The desired-state cache (tests compare it with the API's view). */
    public DesiredCache cache() {
        return cache;
    }

    private ReconcileLoop loop(ResourceKind kind) {
        ReconcileLoop l = loops.get(kind);
        if (l == null) {
            throw new IllegalStateException("no reconciler for " + kind);
        }
        return l;
    }

    private void changed(Set<Key> keys) {
        for (Key k : keys) {
            ReconcileLoop l = loops.get(k.kind());
            if (l != null) {
                l.enqueue(k.id());
            }
        }
    }

    private void resyncAll() {
        resync(true);
    }

    /** Queues every key; with {@code resend}, every status is reported again even if unchanged. */
    private void resync(boolean resend) {
        if (resend) {
            status.resendAll();
        }
        loops.forEach((kind, loop) -> loop.resync(cache.ids(kind)));
    }

    private void periodicResync() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(config.resync().toMillis());
                resync(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void spawn(String name, Runnable r) {
        threads.add(Thread.ofVirtual().name(name + "-" + config.name()).start(r));
    }

    private static Session.Registration registration(Config c, VmDaemon vmm, StorageDaemon storage) {
        return new Session.Registration(c.name(), c.labels(), () -> facts(c, vmm.info(), storage), c.joinToken());
    }

    private static HostFacts facts(Config c, HostInfo info, StorageDaemon storage) {
        HostFacts.Builder b = HostFacts.newBuilder()
                .setHostname(hostname())
                .setAddress(c.address())
                .setCpus(info.cpus())
                .setMemoryMib(info.memoryMib())
                .addAllHypervisors(info.hypervisors())
                .setAgentVersion(VERSION);
        storage.pools()
                .forEach(p -> b.addPools(dev.mvirt.proto.node.v1.StoragePool.newBuilder()
                        .setName(p.name())
                        .setTotalBytes(p.totalBytes())
                        .setFreeBytes(p.freeBytes())));
        return b.build();
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        ConsoleChannels cs = consoles;
        if (cs != null) {
            cs.close();
        }
        watcher.cancel();
        threads.forEach(Thread::interrupt);
        loops.values().forEach(ReconcileLoop::close);
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("agent stopped node={}", nodeId());
    }
}
