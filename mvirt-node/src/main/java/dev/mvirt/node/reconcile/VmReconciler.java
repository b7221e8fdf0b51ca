package dev.mvirt.node.reconcile;

import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.AuditSink;
import dev.mvirt.node.cache.DesiredCache;
import dev.mvirt.node.cache.Key;
import dev.mvirt.node.daemon.DaemonException;
import dev.mvirt.node.daemon.NetDaemon;
import dev.mvirt.node.daemon.StorageDaemon;
import dev.mvirt.node.daemon.VmDaemon;
import dev.mvirt.node.daemon.VmDaemon.Phase;
import dev.mvirt.node.daemon.VmDaemon.VmState;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.VmDesired;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VMs: defines a desired VM once its volumes and NICs exist here, starts or stops it to match the desired power
 * state, carries out reboot requests, and deletes VMs no longer desired here. The phase reported is always the
 * daemon's (DESIGN §5); a VM that should run but failed is reported FAILED and retried with backoff.
 *
 * <p>Reboot requests are counted by generation; the first time this agent sees a VM it adopts the desired
 * generation as done, so a restarted agent does not reboot running VMs.
 */
public final class VmReconciler implements Reconciler {
    private final DesiredCache cache;
    private final VmDaemon vmm;
    private final StorageDaemon storage;
    private final NetDaemon net;
    private final StatusSink sink;
    private final AuditSink audit;
    private final Map<String, Long> rebootsDone = new ConcurrentHashMap<>();

    public VmReconciler(
            DesiredCache cache, VmDaemon vmm, StorageDaemon storage, NetDaemon net, StatusSink sink, AuditSink audit) {
        this.cache = cache;
        this.vmm = vmm;
        this.storage = storage;
        this.net = net;
        this.sink = sink;
        this.audit = audit;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.RESOURCE_KIND_VM;
    }

    @Override
    public Collection<String> observed() {
        return vmm.list().stream().map(VmState::id).toList();
    }

    @Override
    public void reconcile(String id) {
        Optional<DesiredResource> want = cache.get(new Key(kind(), id));
        if (want.isEmpty()) {
            if (vmm.get(id).isPresent()) {
                vmm.delete(id);
                audit(id, "VM deleted on host");
            }
            rebootsDone.remove(id);
            return;
        }
        VmDesired d = want.get().getVm();
        VmState state = vmm.get(id).orElseGet(() -> define(id, d));
        long done = rebootsDone.computeIfAbsent(id, k -> d.getRebootGeneration());
        state = power(id, d, state);
        if (state.phase() == Phase.RUNNING && d.getRebootGeneration() > done) {
            vmm.reboot(id);
            rebootsDone.put(id, d.getRebootGeneration());
            audit(id, "VM rebooted");
        }
        sink.report(
                Statuses.vm(id, Statuses.vmPhase(state.phase()), state.message(), rebootsDone.get(id), state.pid()));
        if (d.getRunning() && state.phase() == Phase.FAILED) {
            throw new DaemonException("VM " + id + " should run but failed: " + state.message());
        }
    }

    private VmState power(String id, VmDesired d, VmState state) {
        Phase p = state.phase();
        if (d.getRunning() && (p == Phase.STOPPED || p == Phase.FAILED)) {
            audit(id, "VM started");
            return vmm.start(id);
        }
        if (!d.getRunning() && (p == Phase.RUNNING || p == Phase.STARTING)) {
            // the stop waits for the guest: say so first, so Stopping is observed (DESIGN §5; the sink sends it even
            // if the guest is off, and Stopped reported, within its flush interval)
            sink.report(Statuses.vm(id, "STOPPING", "", rebootsDone.getOrDefault(id, 0L), state.pid()));
            audit(id, d.getForceStop() ? "VM killed" : "VM stopped");
            return vmm.stop(id, d.getForceStop());
        }
        return state;
    }

    private VmState define(String id, VmDesired d) {
        List<String> disks = new ArrayList<>();
        for (String volume : d.getVolumesList()) {
            disks.add(storage.volume(volume)
                    .orElseThrow(() -> waiting(id, "volume " + volume))
                    .path());
        }
        List<VmDaemon.NicPort> nics = new ArrayList<>();
        for (String nic : d.getNicsList()) {
            String tap =
                    net.nic(nic).orElseThrow(() -> waiting(id, "NIC " + nic)).tap();
            String mac = cache.get(new Key(ResourceKind.RESOURCE_KIND_NIC, nic))
                    .map(r -> r.getNic().getMac())
                    .orElse("");
            nics.add(new VmDaemon.NicPort(tap, mac));
        }
        sink.report(Statuses.vm(id, "CREATING", "", d.getRebootGeneration(), 0));
        vmm.create(
                id,
                new VmDaemon.Definition(
                        id,
                        d.getVcpus(),
                        d.getMemoryMib(),
                        d.getBoot().getKernel(),
                        d.getBoot().getInitramfs(),
                        d.getBoot().getCmdline(),
                        disks,
                        nics,
                        d.getUserData(),
                        d.getSshKeysList()));
        audit(id, "VM defined on host");
        return vmm.get(id).orElseThrow(() -> new DaemonException("VM " + id + " vanished right after create"));
    }

    private void audit(String vm, String message) {
        audit.record(AuditEntry.audit("mvirt-node", message)
                .actor("mvirt-node")
                .object(vm)
                .build());
    }

    private DaemonException waiting(String vm, String what) {
        String msg = "waiting for " + what + " on this host";
        sink.report(Statuses.vm(vm, "CREATING", msg, 0, 0));
        return new DaemonException("VM " + vm + ": " + msg);
    }
}
