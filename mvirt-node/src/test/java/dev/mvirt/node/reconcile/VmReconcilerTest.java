package dev.mvirt.node.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.common.audit.AuditSink;
import dev.mvirt.node.cache.AppliedLog;
import dev.mvirt.node.cache.DesiredCache;
import dev.mvirt.node.cache.Key;
import dev.mvirt.node.daemon.DaemonException;
import dev.mvirt.node.daemon.FakeNetDaemon;
import dev.mvirt.node.daemon.FakeStorageDaemon;
import dev.mvirt.node.daemon.FakeVmDaemon;
import dev.mvirt.node.daemon.HostInfo;
import dev.mvirt.node.daemon.StorageDaemon;
import dev.mvirt.node.daemon.VmDaemon;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.SpecUpdate;
import dev.mvirt.proto.node.v1.VmDesired;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The VM reconciler against the fake daemons: phases come only from the daemon. */
class VmReconcilerTest {
    final DesiredCache cache = DesiredCache.inMemory(AppliedLog.none());
    final FakeVmDaemon vmm = new FakeVmDaemon(new HostInfo(8, 16384, List.of("qemu")));
    final FakeStorageDaemon storage = new FakeStorageDaemon();
    final List<ResourceStatus> reports = new ArrayList<>();
    final VmReconciler r = new VmReconciler(cache, vmm, storage, new FakeNetDaemon(), reports::add, AuditSink.noop());
    long revision = 1;

    void want(String id, boolean running, long reboot, String... volumes) {
        revision++;
        cache.apply(SpecUpdate.newBuilder()
                .setRevision(revision)
                .addUpserts(DesiredResource.newBuilder()
                        .setKey(new Key(ResourceKind.RESOURCE_KIND_VM, id).proto())
                        .setRevision(revision)
                        .setVm(VmDesired.newBuilder()
                                .setVcpus(1)
                                .setMemoryMib(256)
                                .setRunning(running)
                                .setRebootGeneration(reboot)
                                .addAllVolumes(List.of(volumes))))
                .build());
    }

    String lastPhase() {
        return reports.getLast().getVm().getPhase();
    }

    @Test
    void createsStartsStopsAndDeletesIdempotently() {
        want("v", true, 0);
        r.reconcile("v");
        assertThat(vmm.get("v").orElseThrow().phase()).isEqualTo(VmDaemon.Phase.RUNNING);
        assertThat(lastPhase()).isEqualTo("RUNNING");
        r.reconcile("v");
        assertThat(vmm.starts()).as("a repeated reconcile starts nothing").isEqualTo(1);
        want("v", false, 0);
        r.reconcile("v");
        assertThat(lastPhase()).isEqualTo("STOPPED");
        cache.apply(SpecUpdate.newBuilder()
                .setRevision(++revision)
                .addRemovals(new Key(ResourceKind.RESOURCE_KIND_VM, "v").proto())
                .build());
        r.reconcile("v");
        r.reconcile("v");
        assertThat(vmm.get("v")).isEmpty();
    }

    @Test
    void aStopIsReportedStoppingBeforeTheDaemonStopsIt() {
        want("v", true, 0);
        r.reconcile("v");
        reports.clear();
        want("v", false, 0);
        r.reconcile("v");
        assertThat(reports.stream().map(s -> s.getVm().getPhase()).toList()).containsExactly("STOPPING", "STOPPED");
        assertThat(reports.getFirst().getVm().getPid())
                .as("the process being stopped")
                .isPositive();
    }

    @Test
    void waitsForItsVolumeAndSaysSo() {
        want("v", true, 0, "vol1");
        assertThatThrownBy(() -> r.reconcile("v")).isInstanceOf(DaemonException.class);
        assertThat(lastPhase()).isEqualTo("CREATING");
        assertThat(reports.getLast().getVm().getMessage()).contains("volume vol1");
        storage.ensureVolume("vol1", new StorageDaemon.VolumeRequest(1 << 20, "", "", Set.of(), "", 0));
        r.reconcile("v");
        assertThat(vmm.definition("v").orElseThrow().disks()).containsExactly("/fake/volumes/vol1");
        assertThat(lastPhase()).isEqualTo("RUNNING");
    }

    @Test
    void aFailedStartIsReportedFailedAndRetried() {
        want("v", true, 0);
        vmm.create("v", new VmDaemon.Definition("v", 1, 256, "", "", "", List.of(), List.of(), "", List.of()));
        vmm.failNextStart("v", "qemu exited with status 1");
        assertThatThrownBy(() -> r.reconcile("v")).hasMessageContaining("qemu exited");
        assertThat(lastPhase()).isEqualTo("FAILED");
        r.reconcile("v");
        assertThat(lastPhase()).isEqualTo("RUNNING");
    }

    @Test
    void rebootsOncePerGenerationButNotWhenFirstSeen() {
        want("v", true, 3);
        r.reconcile("v");
        assertThat(reports.getLast().getVm().getRebootGeneration()).isEqualTo(3);
        want("v", true, 4);
        r.reconcile("v");
        assertThat(reports.getLast().getVm().getRebootGeneration()).isEqualTo(4);
    }
}
