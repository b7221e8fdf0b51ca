package dev.mvirt.api.state;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rule of a cold move ({@link Command.MoveVm}), shared by apply and by the drain planner, which asks before it
 * proposes. A VM may leave its node only when nothing can run it there: its desired power is STOPPED and its host
 * reported it STOPPED or FAILED (never RUNNING or UNKNOWN: mvirt never runs two copies), and none of its volumes
 * lives on that node. The new node is the scheduler's choice among the other nodes (cordoned and draining nodes
 * are never picked). Pure.
 */
public final class Moves {
    /** The reason given for the node the VM is on now. */
    static final String CURRENT_NODE = "the VM is on this node now";

    private Moves() {}

    /** Why {@code vm} may not leave its node in {@code s} now (a Conflict naming the cause), or empty. */
    public static Optional<Result> blocked(ClusterState s, Resource<VmSpec, VmStatus> vm) {
        VmStatus st = vm.status();
        if (st.node().isEmpty()) {
            return conflict("vm_not_placed", "VM " + vm.name() + " is not placed on any node");
        }
        if (vm.spec().desired() != VmSpec.DesiredState.STOPPED) {
            return conflict("vm_not_stopped", "VM " + vm.name() + " is meant to run; stop it first");
        }
        if (st.phase() != VmPhase.STOPPED && st.phase() != VmPhase.FAILED) {
            return conflict(
                    "vm_not_stopped",
                    "VM " + vm.name() + " is " + st.phase() + " on node " + nodeName(s, st.node())
                            + "; it moves only once its host reports it STOPPED or FAILED (mvirt never runs two"
                            + " copies)");
        }
        for (String id : vm.spec().volumes()) {
            Optional<Resource<VolumeSpec, VolumeStatus>> v = s.volumes().get(id);
            if (v.isPresent() && v.get().spec().node().equals(st.node())) {
                return conflict(
                        "volume_local",
                        "volume " + v.get().name() + " of VM " + vm.name() + " lives on node " + nodeName(s, st.node())
                                + "; the VM cannot leave it");
            }
        }
        return Optional.empty();
    }

    /**
     * Invalid when {@code target} is not a valid selector or contradicts the VM's own selector; empty otherwise.
     */
    public static Optional<Result> checkTarget(Resource<VmSpec, VmStatus> vm, Map<String, String> target) {
        Optional<Result> bad = Rules.invalid(Check.labels("nodeSelector", target));
        if (bad.isPresent()) {
            return bad;
        }
        for (Map.Entry<String, String> e : target.entrySet()) {
            String own = vm.spec().nodeSelector().get(e.getKey());
            if (own != null && !own.equals(e.getValue())) {
                return Optional.of(Rules.invalid(
                        "nodeSelector." + e.getKey(), "contradicts the VM's own selector " + e.getKey() + "=" + own));
            }
        }
        return Optional.empty();
    }

    /**
     * Where {@code placer} puts {@code vm} off its current node, narrowed by {@code target}: placed against
     * {@code s} without the VM (nor its reservation) and without its current node, which an Unplaceable answer
     * names with {@value #CURRENT_NODE}.
     */
    public static Placer.Decision place(
            ClusterState s, Resource<VmSpec, VmStatus> vm, Map<String, String> target, Placer placer) {
        String current = vm.status().node();
        ClusterState elsewhere = new ClusterState(
                s.revision,
                s.tables.remove(Kind.VM, vm.id()).remove(Kind.NODE, current),
                s.settings,
                s.idempotency,
                s.addresses,
                s.usage.add(vm, -1));
        Placer.Decision d = placer.place(elsewhere, vm.id(), narrowed(vm.spec(), target));
        if (d instanceof Placer.Unplaceable u) {
            TreeMap<String, String> reasons = new TreeMap<>(u.reasons());
            if (elsewhere.nodes().all().isEmpty()) {
                reasons.clear(); // the scheduler's "no nodes are registered" is not true here
            }
            reasons.put(nodeName(s, current), CURRENT_NODE);
            return new Placer.Unplaceable(reasons);
        }
        return d;
    }

    private static VmSpec narrowed(VmSpec spec, Map<String, String> target) {
        if (target.isEmpty()) {
            return spec;
        }
        TreeMap<String, String> selector = new TreeMap<>(spec.nodeSelector());
        selector.putAll(target);
        return new VmSpec(
                spec.vcpus(),
                spec.memoryMib(),
                spec.boot(),
                spec.volumes(),
                spec.nics(),
                spec.userData(),
                spec.sshKeys(),
                selector,
                spec.antiAffinityGroup(),
                spec.hypervisor(),
                spec.desired(),
                spec.stopMode(),
                spec.rebootGeneration());
    }

    static String nodeName(ClusterState s, String nodeId) {
        return s.nodes().get(nodeId).map(Resource<NodeSpec, NodeStatus>::name).orElse(nodeId);
    }

    private static Optional<Result> conflict(String code, String message) {
        return Optional.of(Rules.conflict(code, message));
    }
}
