package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.ResourcePhase;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import java.util.Optional;

/**
 * Applies {@link Command.MoveVm} ({@link Moves} holds the rule): the VM's reservation leaves its old node, it is
 * SCHEDULED on the node the scheduler chose with its desired power unchanged, its NICs follow it (they are realised
 * where their VM is; their status starts over as PENDING) and volumes not yet pinned are pinned to the new node.
 * The old host sees the VM leave its desired state and deletes its copy; the new host creates it.
 */
final class MoveRules {
    private MoveRules() {}

    static Result move(Tx tx, Command.MoveVm m) {
        Rules.Lookup<Resource<VmSpec, VmStatus>> found = Rules.find(tx, Kind.VM, m.vmId());
        if (found instanceof Rules.Lookup.Missing<Resource<VmSpec, VmStatus>> missing) {
            return missing.result();
        }
        Resource<VmSpec, VmStatus> vm = ((Rules.Lookup.Found<Resource<VmSpec, VmStatus>>) found).value();
        ClusterState view = tx.view();
        Optional<Result> bad = Rules.precondition(m.expectedRevision(), vm)
                .or(() -> Moves.checkTarget(vm, m.nodeSelector()))
                .or(() -> Moves.blocked(view, vm));
        if (bad.isPresent()) {
            return bad.get();
        }
        Placer.Decision d = Moves.place(view, vm, m.nodeSelector(), tx.placer);
        if (d instanceof Placer.Unplaceable u) {
            return new Result.NoCapacity(u.reasons());
        }
        String node = ((Placer.Placed) d).nodeId();
        String message = "moved from node " + Moves.nodeName(view, vm.status().node());
        Resource<VmSpec, VmStatus> moved = tx.put(vm.withStatus(
                new VmStatus(VmPhase.SCHEDULED, node, message, vm.status().rebootGeneration(), 0), tx.index));
        for (String volumeId : vm.spec().volumes()) {
            tx.<Resource<VolumeSpec, VolumeStatus>>get(Kind.VOLUME, volumeId)
                    .filter(v -> v.spec().node().isEmpty())
                    .ifPresent(v -> tx.put(v.withSpec(v.spec().withNode(node), tx.index)));
        }
        for (String nicId : vm.spec().nics()) {
            tx.<Resource<NicSpec, NicStatus>>get(Kind.NIC, nicId)
                    .ifPresent(n -> tx.put(n.withStatus(new NicStatus(ResourcePhase.PENDING, "", "", ""), tx.index)));
        }
        return new Result.Ok(moved);
    }
}
