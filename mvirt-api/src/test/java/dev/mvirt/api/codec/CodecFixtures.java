package dev.mvirt.api.codec;

import dev.mvirt.api.model.Boot;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.LockSpec;
import dev.mvirt.api.model.LockStatus;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NetworkStatus;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.ResourcePhase;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.SecurityGroupStatus;
import dev.mvirt.api.model.Snapshot;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.model.TemplatePhase;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample of every spec, status and command with every field set to a value that is not the protobuf default
 * (non-empty strings and lists, non-zero numbers, true booleans), so a field the codec forgets shows in a round
 * trip. The samples are fixed: the golden file is made from them.
 */
final class CodecFixtures {
    static final String ID1 = "0b1c2d3e-4f50-4162-8374-a5b6c7d8e9f0";
    static final String ID2 = "1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9";

    private CodecFixtures() {}

    /** One sample per {@link Spec} record, keyed by its class. */
    static Map<Class<?>, Spec> specs() {
        Map<Class<?>, Spec> m = new LinkedHashMap<>();
        put(m, new ProjectSpec("team a"));
        put(m, new NodeSpec(true, true));
        put(
                m,
                new NetworkSpec(
                        "10.1.0.0/24", "fd00:1::/64", List.of("10.1.0.2", "1.1.1.1"), List.of("10.1.0.3"), true));
        put(
                m,
                new NicSpec(
                        ID1, "02:00:00:00:00:01", "10.1.0.7", "fd00:1::7", List.of("10.9.0.0/28"), List.of(ID2), ID2));
        put(m, new VolumeSpec(ID1, 1L << 30, ID2, "fast", List.of(new Snapshot("s1", 42L)), "s1", 3));
        put(m, new TemplateSpec(ID1, "https://images.example/a.qcow2", "qcow2"));
        put(m, new SecurityGroupSpec("web", List.of(rule(Rule.Protocol.TCP), rule(Rule.Protocol.ICMPV6))));
        put(m, vmSpec());
        put(m, new LockSpec("controller-1", 30_000));
        return m;
    }

    /** One sample per {@link Status} record, keyed by its class. */
    static Map<Class<?>, Status> statuses() {
        Map<Class<?>, Status> m = new LinkedHashMap<>();
        put(m, new ProjectStatus());
        put(m, nodeStatus());
        put(m, new NetworkStatus());
        put(m, new NicStatus(ResourcePhase.READY, ID1, "tap7", "ok"));
        put(m, new VolumeStatus(ResourcePhase.DELETING, ID1, "/var/lib/mvirt/v1", 4096, 2, "busy"));
        put(m, new TemplateStatus(TemplatePhase.IMPORTING, 100, 1000, "10%"));
        put(m, new SecurityGroupStatus(ResourcePhase.FAILED, "nft failed"));
        put(m, new VmStatus(VmPhase.STOPPING, ID1, "acpi", 5, 4242));
        put(m, new LockStatus(1000, 31000));
        return m;
    }

    /** One sample per {@link Command} record, keyed by its class. */
    static Map<Class<?>, Command> commands() {
        Map<Class<?>, Command> m = new LinkedHashMap<>();
        put(m, new Command.Create(ID1, "default", "web-1", Map.of("app", "web", "tier", "front"), vmSpec()));
        put(m, new Command.UpdateSpec(Kind.NETWORK, ID1, 17, specs().get(NetworkSpec.class)));
        put(m, new Command.SetLabels(Kind.SECURITY_GROUP, ID1, 18, Map.of("a", "b")));
        put(m, new Command.Delete(Kind.VOLUME, ID1, 19, true));
        put(m, new Command.ReportStatus(Kind.VM, ID1, ID2, statuses().get(VmStatus.class)));
        put(m, new Command.AttachNic(ID1, ID2, 20));
        put(m, new Command.DetachNic(ID1, 21));
        put(m, new Command.SetVmPower(ID1, VmSpec.DesiredState.STOPPED, VmSpec.StopMode.FORCE, 22));
        put(m, new Command.RebootVm(ID1, 23));
        put(m, new Command.CreateSnapshot(ID1, "before-upgrade"));
        put(m, new Command.DeleteSnapshot(ID1, "old"));
        put(m, new Command.RollbackVolume(ID1, "before-upgrade"));
        put(m, new Command.AcquireLock(ID1, "reconcile/eu-1", "controller-1", 15_000));
        put(m, new Command.ReleaseLock("reconcile/eu-1", "controller-1"));
        put(m, new Command.ExpireLocks());
        put(m, new Command.SetSettings(Map.of("scheduler.strategy", "binpack", "feature.x", "true")));
        put(m, new Command.RegisterNode(ID1, "host-1", Map.of("rack", "r1"), nodeStatus()));
        put(m, new Command.SetNodePhase(ID1, NodePhase.UNREACHABLE));
        put(m, new Command.MoveVm(ID1, 24, Map.of(VmSpec.NODE_NAME, "host-2", "rack", "r2")));
        return m;
    }

    /** {@code command} in an envelope with every field set. */
    static Envelope envelope(Command command) {
        return new Envelope(command, "alice", 1_700_000_000_123L, "idem-7", "sha256:abc");
    }

    static VmSpec vmSpec() {
        return new VmSpec(
                4,
                2048,
                new Boot("/boot/vmlinuz", "/boot/initrd", "console=ttyS0", ID2),
                List.of(ID1),
                List.of(ID2),
                "#cloud-config\n",
                List.of("ssh-ed25519 AAAAC3Nz alice@example"),
                Map.of("zone", "a", VmSpec.NODE_NAME, "host-1"),
                "db",
                "qemu",
                VmSpec.DesiredState.STOPPED,
                VmSpec.StopMode.FORCE,
                9);
    }

    static NodeStatus nodeStatus() {
        return new NodeStatus(
                NodePhase.DOWN,
                "host-1.example",
                "192.0.2.10",
                32,
                131072,
                List.of(new StoragePool("fast", 1L << 40, 1L << 39)),
                List.of("qemu", "cloud-hypervisor"),
                "0.1.0");
    }

    private static Rule rule(Rule.Protocol protocol) {
        return new Rule(Rule.Direction.EGRESS, protocol, 80, 443, "10.0.0.0/8", ID2);
    }

    private static <T> void put(Map<Class<?>, T> m, T sample) {
        m.put(sample.getClass(), sample);
    }
}
