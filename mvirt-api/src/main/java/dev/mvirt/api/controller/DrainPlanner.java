package dev.mvirt.api.controller;

import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Moves;
import dev.mvirt.api.state.Placer;
import dev.mvirt.api.state.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides, purely from a state, what draining a node takes. The policy (DESIGN §5: never two copies of a VM):
 *
 * <ul>
 *   <li>A node that is not READY is refused as a whole: its host may still run its VMs, so they are neither
 *       stopped (nobody would carry it out) nor moved. Bring the host back, or deal with it by hand.
 *   <li>Every VM that should run is stopped first (gracefully), and labelled {@value #RESTART_LABEL} so that it is
 *       started again wherever it ends up.
 *   <li>Once its host reports it STOPPED (or FAILED), a VM is moved cold to another node if it can be: moves are
 *       available, the state's move rule allows it ({@link Moves}: none of its volumes lives on this node), and the
 *       scheduler finds another node (cordoned and draining nodes are never picked). Otherwise it stays here, stopped, and the plan says why.
 *   <li>A labelled VM that is no longer on a draining node (moved, or the drain was called off) is started again.
 * </ul>
 */
public final class DrainPlanner {
    /** Marks a VM the drain stopped and that should run again. */
    public static final String RESTART_LABEL = "drain.mvirt.dev/restart";

    private final Placer placer;

    /** A planner that asks {@code placer} whether a VM fits elsewhere. */
    public DrainPlanner(Placer placer) {
        this.placer = placer;
    }

    /** The plan for draining {@code nodeId}; {@code movesUnavailable} says why no VM may move, if so. */
    public DrainPlan plan(ClusterState s, String nodeId, Optional<String> movesUnavailable) {
        Optional<Resource<NodeSpec, NodeStatus>> node = s.nodes().get(nodeId);
        if (node.isEmpty()) {
            return new DrainPlan(nodeId, "no node " + nodeId, List.of());
        }
        NodePhase phase = node.get().status().phase();
        if (phase != NodePhase.READY) {
            return new DrainPlan(
                    nodeId,
                    "node " + node.get().name() + " is " + phase + ": its VMs may still run there, so they are"
                            + " neither stopped nor moved (mvirt never starts a second copy)",
                    List.of());
        }
        List<DrainPlan.Step> steps = new ArrayList<>();
        s.vms().all().stream()
                .filter(vm -> vm.status().node().equals(nodeId))
                .sorted(Comparator.comparing(Resource::id))
                .forEach(vm -> steps.add(step(s, vm, movesUnavailable)));
        return new DrainPlan(nodeId, "", steps);
    }

    /** VMs the drain stopped that are now on a node that is not draining, still meant to stay stopped. */
    public List<DrainPlan.Restart> restarts(ClusterState s) {
        List<DrainPlan.Restart> out = new ArrayList<>();
        for (Resource<VmSpec, VmStatus> vm : s.vms().all()) {
            if (vm.meta().labels().containsKey(RESTART_LABEL)
                    && !draining(s, vm.status().node())) {
                out.add(new DrainPlan.Restart(vm.id(), vm.revision()));
            }
        }
        out.sort(Comparator.comparing(DrainPlan.Restart::vmId));
        return out;
    }

    private DrainPlan.Step step(ClusterState s, Resource<VmSpec, VmStatus> vm, Optional<String> movesUnavailable) {
        if (vm.spec().desired() == VmSpec.DesiredState.RUNNING) {
            return new DrainPlan.Stop(vm.id(), vm.revision());
        }
        VmPhase phase = vm.status().phase();
        if (phase != VmPhase.STOPPED && phase != VmPhase.FAILED) {
            return new DrainPlan.Wait(
                    vm.id(), "waiting for the host to report VM " + vm.name() + " stopped (" + phase + ")");
        }
        Optional<String> why = movesUnavailable
                .or(() -> Moves.blocked(s, vm).map(DrainPlanner::message))
                .or(() -> noRoom(s, vm));
        return why.<DrainPlan.Step>map(w -> new DrainPlan.Stay(vm.id(), "VM " + vm.name() + " stays stopped: " + w))
                .orElseGet(() -> new DrainPlan.Move(vm.id(), vm.revision()));
    }

    private static String message(Result r) {
        return r instanceof Result.Conflict c ? c.message() : r.toString();
    }

    private Optional<String> noRoom(ClusterState s, Resource<VmSpec, VmStatus> vm) {
        if (Moves.place(s, vm, Map.of(), placer) instanceof Placer.Unplaceable u) {
            return Optional.of("no other node fits ("
                    + u.reasons().entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("; "))
                    + ")");
        }
        return Optional.empty();
    }

    private static boolean draining(ClusterState s, String nodeId) {
        return s.nodes().get(nodeId).map(n -> n.spec().draining()).orElse(false);
    }
}
