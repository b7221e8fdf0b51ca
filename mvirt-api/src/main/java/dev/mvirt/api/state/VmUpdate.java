package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import java.util.Map;
import java.util.Optional;

/**
 * Replacing a VM's spec. NICs change through attach/detach and reboots through the reboot call; a placed VM that
 * asks for more CPU or memory, or changes its anti-affinity group or hypervisor, is re-checked against its own node
 * (it never moves).
 */
final class VmUpdate {
    private VmUpdate() {}

    @SuppressWarnings("unchecked")
    static Result update(Tx tx, Resource<Spec, Status> r, VmSpec s) {
        Resource<VmSpec, VmStatus> vm = (Resource<VmSpec, VmStatus>) (Resource<?, ?>) r;
        VmSpec old = vm.spec();
        if (!old.nics().equals(s.nics())) {
            return Rules.invalid("spec.nics", "use attach or detach");
        }
        VmSpec next = new VmSpec(
                s.vcpus(),
                s.memoryMib(),
                s.boot(),
                s.volumes(),
                s.nics(),
                s.userData(),
                s.sshKeys(),
                s.nodeSelector(),
                s.antiAffinityGroup(),
                s.hypervisor(),
                s.desired(),
                s.stopMode(),
                old.rebootGeneration());
        Optional<Result> bad =
                VmRefs.check(tx, r.meta().project(), r.id(), next, old.nics()).or(() -> capacity(tx, vm, next));
        if (bad.isPresent()) {
            return bad.get();
        }
        String node = vm.status().node();
        for (String volumeId : next.volumes()) {
            Resource<VolumeSpec, VolumeStatus> v = tx.<Resource<VolumeSpec, VolumeStatus>>get(Kind.VOLUME, volumeId)
                    .orElseThrow();
            if (!v.spec().node().isEmpty() && !v.spec().node().equals(node)) {
                return Rules.invalid("spec.volumes", "volume " + v.name() + " lives on another node");
            }
            if (v.spec().node().isEmpty()) {
                tx.put(v.withSpec(v.spec().withNode(node), tx.index));
            }
        }
        return new Result.Ok(tx.put(vm.withSpec(next, tx.index)));
    }

    private static Optional<Result> capacity(Tx tx, Resource<VmSpec, VmStatus> vm, VmSpec next) {
        VmSpec old = vm.spec();
        boolean grows = next.vcpus() > old.vcpus() || next.memoryMib() > old.memoryMib();
        boolean constrained = !next.antiAffinityGroup().equals(old.antiAffinityGroup())
                || !next.hypervisor().equals(old.hypervisor());
        if (vm.status().node().isEmpty() || !(grows || constrained)) {
            return Optional.empty();
        }
        // place the changed VM on its own node, against usage without its current reservation
        VmSpec pinned = new VmSpec(
                next.vcpus(),
                next.memoryMib(),
                next.boot(),
                next.volumes(),
                next.nics(),
                next.userData(),
                next.sshKeys(),
                Map.of(VmSpec.NODE_ID, vm.status().node()),
                next.antiAffinityGroup(),
                next.hypervisor(),
                next.desired(),
                next.stopMode(),
                next.rebootGeneration());
        Placer.Decision d = tx.placer.place(tx.viewWithout(vm), vm.id(), pinned);
        return d instanceof Placer.Unplaceable u ? Optional.of(new Result.NoCapacity(u.reasons())) : Optional.empty();
    }
}
