package dev.mvirt.api.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Boot;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.scheduler.Scheduler;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Result;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.LocalStore;
import dev.mvirt.api.store.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Fixtures for NodeService and controller tests: a clock tests move, hosts and VMs in a store. */
public final class Hosts {
    private Hosts() {}

    /** A clock that moves only when told. */
    public static final class MutableClock extends Clock {
        private volatile long millis;

        public MutableClock(long millis) {
            this.millis = millis;
        }

        public void advance(long ms) {
            millis += ms;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    public static LocalStore store(Clock clock) {
        return new LocalStore(new Scheduler(), clock);
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    public static NodeStatus facts(int cpus, long memoryMib) {
        return new NodeStatus(
                NodePhase.READY,
                "host",
                "10.0.0.1",
                cpus,
                memoryMib,
                List.of(new StoragePool("default", 1L << 40, 1L << 40)),
                List.of("qemu"),
                "test");
    }

    /** Registers a node named {@code name}; returns its id. */
    public static String node(DataStore s, String name, int cpus, long memoryMib) {
        String id = uuid();
        ok(s.submit(new Command.RegisterNode(id, name, Map.of(), facts(cpus, memoryMib)), Caller.of("test")));
        return id;
    }

    public static VmSpec vmSpec(int vcpus, long memoryMib, List<String> volumes, Map<String, String> selector) {
        return new VmSpec(
                vcpus,
                memoryMib,
                new Boot("/images/vmlinuz", "", "", ""),
                volumes,
                List.of(),
                "",
                List.of(),
                selector,
                "",
                "",
                VmSpec.DesiredState.RUNNING,
                VmSpec.StopMode.GRACEFUL,
                0);
    }

    /** Creates a running VM pinned to {@code nodeId} ("" lets the scheduler choose); returns its id. */
    public static String vm(DataStore s, String name, String nodeId, List<String> volumes) {
        String id = uuid();
        Map<String, String> sel = nodeId.isEmpty() ? Map.of() : Map.of(VmSpec.NODE_ID, nodeId);
        ok(s.submit(
                new Command.Create(id, ClusterState.DEFAULT_PROJECT, name, Map.of(), vmSpec(1, 256, volumes, sel)),
                Caller.of("test")));
        return id;
    }

    /** Creates a 1 GiB volume pinned to {@code nodeId}; returns its id. */
    public static String volume(DataStore s, String name, String nodeId) {
        String id = uuid();
        ok(s.submit(
                new Command.Create(
                        id,
                        ClusterState.DEFAULT_PROJECT,
                        name,
                        Map.of(),
                        new VolumeSpec(nodeId, 1L << 30, "", "", List.of(), "", 0)),
                Caller.of("test")));
        return id;
    }

    /** The VM's host reports {@code phase}. */
    public static void report(DataStore s, String vmId, VmPhase phase) {
        String node = s.read().vms().get(vmId).orElseThrow().status().node();
        ok(s.submit(
                new Command.ReportStatus(dev.mvirt.api.model.Kind.VM, vmId, node, new VmStatus(phase, node, "", 0, 1)),
                Caller.of("test")));
    }

    public static Outcome ok(CompletableFuture<Outcome> f) {
        Outcome o = f.join();
        assertThat(o.result()).as("result").isInstanceOfAny(Result.Ok.class, Result.Done.class);
        return o;
    }
}
