package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** VMs: create (references, placement), power, reboot, NIC attach and detach. */
final class VmRules {
    private VmRules() {}

    static Result create(Tx tx, Meta meta, VmSpec s) {
        Optional<Result> bad = VmRefs.check(tx, meta.project(), meta.id(), s, List.of());
        if (bad.isPresent()) {
            return bad.get();
        }
        Placer.Decision d = tx.placer.place(tx.view(), meta.id(), s);
        if (d instanceof Placer.Unplaceable u) {
            return new Result.NoCapacity(u.reasons());
        }
        String node = ((Placer.Placed) d).nodeId();
        Resource<VmSpec, VmStatus> vm =
                tx.put(new Resource<>(meta, s, new VmStatus(VmPhase.SCHEDULED, node, "", 0, 0)));
        for (String volumeId : s.volumes()) {
            pinVolume(tx, volumeId, node);
        }
        for (String nicId : s.nics()) {
            Resource<NicSpec, NicStatus> nic =
                    tx.<Resource<NicSpec, NicStatus>>get(Kind.NIC, nicId).orElseThrow();
            tx.put(nic.withSpec(nic.spec().withVm(meta.id()), tx.index));
        }
        return new Result.Ok(vm);
    }

    static Result power(Tx tx, Command.SetVmPower p) {
        return withVm(tx, p.vmId(), p.expectedRevision(), vm -> {
            VmSpec next = vm.spec().withDesired(p.desired(), p.mode());
            return new Result.Ok(next.equals(vm.spec()) ? vm : tx.put(vm.withSpec(next, tx.index)));
        });
    }

    static Result reboot(Tx tx, Command.RebootVm r) {
        return withVm(tx, r.vmId(), r.expectedRevision(), vm -> {
            if (vm.spec().desired() != VmSpec.DesiredState.RUNNING) {
                return Rules.conflict("vm_not_running", "VM " + vm.name() + " is not meant to run; start it first");
            }
            return new Result.Ok(tx.put(vm.withSpec(vm.spec().withReboot(), tx.index)));
        });
    }

    static Result attach(Tx tx, Command.AttachNic a) {
        Rules.Lookup<Resource<NicSpec, NicStatus>> nic = Rules.find(tx, Kind.NIC, a.nicId());
        if (nic instanceof Rules.Lookup.Missing<Resource<NicSpec, NicStatus>> m) {
            return m.result();
        }
        Resource<NicSpec, NicStatus> n = ((Rules.Lookup.Found<Resource<NicSpec, NicStatus>>) nic).value();
        return withVm(tx, a.vmId(), 0, vm -> {
            Optional<Result> pre = Rules.precondition(a.expectedRevision(), n);
            if (pre.isPresent()) {
                return pre.get();
            }
            if (n.spec().vm().equals(vm.id())) {
                return new Result.Ok(n);
            }
            if (!n.spec().vm().isEmpty()) {
                return Rules.conflict(
                        "nic_attached",
                        "NIC " + n.name() + " is attached to VM " + n.spec().vm());
            }
            if (!n.meta().project().equals(vm.meta().project())) {
                return Rules.invalid("nic", "NIC and VM are in different projects");
            }
            if (vm.spec().nics().size() >= 16) {
                return Rules.conflict("too_many_nics", "VM " + vm.name() + " has 16 NICs");
            }
            List<String> nics = new ArrayList<>(vm.spec().nics());
            nics.add(n.id());
            tx.put(vm.withSpec(vm.spec().withNics(nics), tx.index));
            return new Result.Ok(tx.put(n.withSpec(n.spec().withVm(vm.id()), tx.index)));
        });
    }

    static Result detach(Tx tx, Command.DetachNic d) {
        Rules.Lookup<Resource<NicSpec, NicStatus>> nic = Rules.find(tx, Kind.NIC, d.nicId());
        if (nic instanceof Rules.Lookup.Missing<Resource<NicSpec, NicStatus>> m) {
            return m.result();
        }
        Resource<NicSpec, NicStatus> n = ((Rules.Lookup.Found<Resource<NicSpec, NicStatus>>) nic).value();
        Optional<Result> pre = Rules.precondition(d.expectedRevision(), n);
        if (pre.isPresent()) {
            return pre.get();
        }
        return new Result.Ok(detachNic(tx, n));
    }

    /** Detaches {@code n} from its VM (if any) and returns the NIC as it now is. */
    static Resource<NicSpec, NicStatus> detachNic(Tx tx, Resource<NicSpec, NicStatus> n) {
        if (n.spec().vm().isEmpty()) {
            return n;
        }
        tx.<Resource<VmSpec, VmStatus>>get(Kind.VM, n.spec().vm()).ifPresent(vm -> {
            List<String> nics = new ArrayList<>(vm.spec().nics());
            nics.remove(n.id());
            tx.put(vm.withSpec(vm.spec().withNics(nics), tx.index));
        });
        return tx.put(n.withSpec(n.spec().withVm(""), tx.index));
    }

    private static void pinVolume(Tx tx, String volumeId, String node) {
        Resource<VolumeSpec, VolumeStatus> v = tx.<Resource<VolumeSpec, VolumeStatus>>get(Kind.VOLUME, volumeId)
                .orElseThrow();
        if (v.spec().node().isEmpty()) {
            tx.put(v.withSpec(v.spec().withNode(node), tx.index));
        }
    }

    private static Result withVm(
            Tx tx, String vmId, long expected, java.util.function.Function<Resource<VmSpec, VmStatus>, Result> f) {
        Rules.Lookup<Resource<VmSpec, VmStatus>> vm = Rules.find(tx, Kind.VM, vmId);
        if (vm instanceof Rules.Lookup.Missing<Resource<VmSpec, VmStatus>> m) {
            return m.result();
        }
        Resource<VmSpec, VmStatus> v = ((Rules.Lookup.Found<Resource<VmSpec, VmStatus>>) vm).value();
        return Rules.precondition(expected, v).orElseGet(() -> f.apply(v));
    }
}
