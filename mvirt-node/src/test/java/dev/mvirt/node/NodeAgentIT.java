package dev.mvirt.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mvirt.api.controller.DrainPlanner;
import dev.mvirt.api.model.Boot;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Usage;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.Outcome;
import dev.mvirt.common.audit.AuditSink;
import dev.mvirt.node.api.ApiEndpoints;
import dev.mvirt.node.cache.AppliedLog;
import dev.mvirt.node.cache.Key;
import dev.mvirt.node.daemon.FakeNetDaemon;
import dev.mvirt.node.daemon.FakeStorageDaemon;
import dev.mvirt.node.daemon.FakeVmDaemon;
import dev.mvirt.node.daemon.HostInfo;
import dev.mvirt.node.daemon.VmDaemon;
import dev.mvirt.proto.node.v1.ResourceKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real API peers (Ratis on loopback, NodeService on TCP, controllers) and three agents with fake daemons:
 * placement of 100 VMs, leader failover without missed or repeated specs, liveness of a stopped agent, its
 * return with the same identity, and the drain.
 */
class NodeAgentIT {
    static final String TOKEN = "it-join-token-0123456789";
    static final int HOSTS = 3;

    @TempDir
    Path dir;

    ApiPeers api;
    final List<Host> hosts = new ArrayList<>();

    /** One simulated host: daemons that outlive its agent, and the agent's log of applied specs. */
    final class Host {
        final String name;
        final FakeVmDaemon vmm = new FakeVmDaemon(new HostInfo(16, 32768, List.of("qemu", "cloud-hypervisor")));
        final FakeStorageDaemon storage = new FakeStorageDaemon();
        final FakeNetDaemon net = new FakeNetDaemon();
        final List<String> applied = Collections.synchronizedList(new ArrayList<>());
        ApiEndpoints endpoints;
        NodeAgent agent;

        Host(String name) {
            this.name = name;
        }

        void start() {
            endpoints = ApiEndpoints.open(api.nodeEndpoints());
            AppliedLog log = new AppliedLog() {
                @Override
                public void applied(Key key, long revision) {
                    applied.add(key.id() + "@" + revision);
                }

                @Override
                public void removed(Key key) {}
            };
            agent = NodeAgent.start(
                    new NodeAgent.Config(
                            endpoints,
                            dir.resolve(name),
                            TOKEN,
                            name,
                            Map.of("rack", name),
                            "",
                            Duration.ofSeconds(10)),
                    vmm,
                    storage,
                    net,
                    AuditSink.noop(),
                    log,
                    Clock.systemUTC());
        }

        void stop() {
            agent.close();
            endpoints.close();
            vmm.close();
        }
    }

    @AfterEach
    void tearDown() {
        hosts.forEach(h -> {
            if (h.agent != null) {
                h.stop();
            }
        });
        if (api != null) {
            api.close();
        }
    }

    DataStore store() {
        return api.leader()
                .orElseGet(() -> api.peers.values().iterator().next())
                .store();
    }

    ClusterState state() {
        return store().read();
    }

    @Test
    void hostsJoinRunVmsSurviveFailoverAndLiveness() {
        api = ApiPeers.start(dir.resolve("api"), 3, TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.leader().isPresent());
        store().setSettings(Caller.of("it"), Map.of("node.graceSeconds", "3")).join();
        for (int i = 1; i <= HOSTS; i++) {
            Host h = new Host("host" + i);
            hosts.add(h);
            h.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> readyNodes() == HOSTS);

        List<String> vms = createVms(100);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(VmPhase.RUNNING) == 100);
        assertWithinCapacity();
        for (String vm : vms) {
            assertThat(hostOf(vm).vmm.get(vm).orElseThrow().phase()).isEqualTo(VmDaemon.Phase.RUNNING);
        }

        failover(vms);
        liveness();
        drain();
    }

    private void failover(List<String> vms) {
        String old = api.leader().orElseThrow().id();
        api.kill(old);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.leader().isPresent());
        for (String vm : vms.subList(0, 10)) {
            store().stop(Caller.of("it"), vm, false, 0).join();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count(VmPhase.STOPPED) == 10);
        for (Host h : hosts) {
            assertThat(new HashSet<>(h.applied))
                    .as("no spec applied twice on " + h.name)
                    .hasSameSizeAs(h.applied);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertCacheMatches(h));
        }
    }

    private void liveness() {
        Host h = hosts.get(2);
        String node = h.agent.nodeId();
        Set<String> itsVms = vmsOn(node);
        long stoppedAt = System.nanoTime();
        h.stop();
        await().atMost(Duration.ofSeconds(3 + 5)).until(() -> phase(node) == NodePhase.UNREACHABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(8));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> itsVms.stream().allMatch(vm -> vmPhase(vm) == VmPhase.UNKNOWN));
        for (String vm : itsVms) {
            assertThat(vm(vm).status().node()).isEqualTo(node);
            hosts.subList(0, 2)
                    .forEach(other -> assertThat(other.vmm.get(vm))
                            .as("started elsewhere")
                            .isEmpty());
        }
        h.start();
        assertThat(h.agent.nodeId()).isEqualTo(node);
        await().atMost(Duration.ofSeconds(30)).until(() -> phase(node) == NodePhase.READY);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> itsVms.stream()
                        .allMatch(vm -> vmPhase(vm) == VmPhase.RUNNING || vmPhase(vm) == VmPhase.STOPPED));
        assertThat(state().nodes().size()).isEqualTo(HOSTS);
    }

    /**
     * Drain host 1: its running VMs stop, move cold (no volumes here) and run on the other hosts; its stopped VMs
     * move and stay stopped; the drained host's fake hypervisor holds none of them afterwards, and at no poll does
     * a VM run on two hosts. Undraining brings nothing back (they live elsewhere) and no restart label is left.
     */
    private void drain() {
        Host h = hosts.get(1);
        String node = h.agent.nodeId();
        Set<String> onIt = vmsOn(node);
        Set<String> running = new HashSet<>();
        onIt.stream().filter(vm -> vmPhase(vm) == VmPhase.RUNNING).forEach(running::add);
        assertThat(running).isNotEmpty();
        store().update(Caller.of("it"), Kind.NODE, node, 0, new NodeSpec(true, true))
                .join();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    assertNoVmRunsTwice(onIt);
                    return onIt.stream().allMatch(vm -> movedAndSettled(vm, node, running.contains(vm)));
                });
        onIt.forEach(
                vm -> assertThat(h.vmm.get(vm)).as("left on the drained host").isEmpty());
        store().update(Caller.of("it"), Kind.NODE, node, 0, new NodeSpec(false, false))
                .join();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        onIt.stream().noneMatch(vm -> vm(vm).meta().labels().containsKey(DrainPlanner.RESTART_LABEL)));
        assertThat(onIt).allMatch(vm -> !vm(vm).status().node().equals(node));
        assertThat(vmsOn(node)).isEmpty();
    }

    private boolean movedAndSettled(String vm, String drained, boolean wasRunning) {
        Resource<VmSpec, VmStatus> v = vm(vm);
        if (v.status().node().equals(drained) || v.status().node().isEmpty()) {
            return false;
        }
        VmPhase want = wasRunning ? VmPhase.RUNNING : VmPhase.STOPPED;
        VmDaemon.Phase onHost = wasRunning ? VmDaemon.Phase.RUNNING : VmDaemon.Phase.STOPPED;
        return v.status().phase() == want
                && hostOf(vm).vmm.get(vm).map(i -> i.phase() == onHost).orElse(false);
    }

    private void assertNoVmRunsTwice(Set<String> vms) {
        for (String vm : vms) {
            long copies = hosts.stream()
                    .filter(x -> x.vmm.get(vm)
                            .map(i -> i.phase() == VmDaemon.Phase.RUNNING)
                            .orElse(false))
                    .count();
            assertThat(copies).as("hosts running " + vm).isLessThanOrEqualTo(1);
        }
    }

    private List<String> createVms(int n) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            VmSpec spec = new VmSpec(
                    1,
                    512,
                    new Boot("/images/vmlinuz", "", "", ""),
                    List.of(),
                    List.of(),
                    "",
                    List.of(),
                    Map.of(),
                    "",
                    "",
                    VmSpec.DesiredState.RUNNING,
                    VmSpec.StopMode.GRACEFUL,
                    0);
            futures.add(store().create(Caller.of("it"), id, ClusterState.DEFAULT_PROJECT, "vm-" + i, Map.of(), spec));
        }
        futures.forEach(f -> assertThat(f.join().result().ok())
                .as(() -> f.join().result().toString())
                .isTrue());
        return ids;
    }

    private void assertWithinCapacity() {
        ClusterState s = state();
        for (Resource<NodeSpec, NodeStatus> node : s.nodes().all()) {
            Usage u = s.usage(node.id());
            assertThat(u.vcpus()).isLessThanOrEqualTo((long)
                    (node.status().cpus() * s.settings().cpuOvercommit()));
            assertThat(u.memoryMib()).isLessThanOrEqualTo((long)
                    (node.status().memoryMib() * s.settings().memoryOvercommit()));
        }
    }

    /** The agent's cache holds exactly the VMs the API places on its node, with the same desired power. */
    private void assertCacheMatches(Host h) {
        String node = h.agent.nodeId();
        Set<String> expected = vmsOn(node);
        assertThat(h.agent.cache().ids(ResourceKind.RESOURCE_KIND_VM)).containsExactlyInAnyOrderElementsOf(expected);
        for (String vm : expected) {
            boolean running = vm(vm).spec().desired() == VmSpec.DesiredState.RUNNING;
            assertThat(h.agent
                            .cache()
                            .get(new Key(ResourceKind.RESOURCE_KIND_VM, vm))
                            .orElseThrow()
                            .getVm()
                            .getRunning())
                    .isEqualTo(running);
        }
    }

    private Host hostOf(String vm) {
        String node = vm(vm).status().node();
        return hosts.stream()
                .filter(h -> h.agent.nodeId().equals(node))
                .findFirst()
                .orElseThrow();
    }

    private Set<String> vmsOn(String node) {
        Set<String> out = new HashSet<>();
        state().vms().all().stream().filter(v -> v.status().node().equals(node)).forEach(v -> out.add(v.id()));
        return out;
    }

    private Resource<VmSpec, VmStatus> vm(String id) {
        return state().vms().get(id).orElseThrow();
    }

    private VmPhase vmPhase(String id) {
        return vm(id).status().phase();
    }

    private NodePhase phase(String node) {
        return state().nodes().get(node).orElseThrow().status().phase();
    }

    private long readyNodes() {
        return state().nodes().all().stream()
                .filter(n -> n.status().phase() == NodePhase.READY)
                .count();
    }

    private long count(VmPhase phase) {
        return state().vms().all().stream()
                .filter(v -> v.status().phase() == phase)
                .count();
    }
}
