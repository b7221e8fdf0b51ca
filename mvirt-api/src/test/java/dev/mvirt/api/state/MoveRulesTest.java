package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static dev.mvirt.api.state.Fixtures.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.ResourcePhase;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmSpec.DesiredState;
import dev.mvirt.api.model.VmSpec.StopMode;
import dev.mvirt.api.model.VmStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cold moves: only a stopped VM without local volumes leaves its node, for a node the scheduler picks. */
class MoveRulesTest {
    private final Fixtures f = new Fixtures();
    private final Resource<NodeSpec, NodeStatus> a = f.node("a", 8, 16, Map.of());

    private Resource<VmSpec, VmStatus> vm(String id) {
        return f.state().vms().get(id).orElseThrow();
    }

    /** A VM on node a (the only node when it is created), stopped and reported {@code phase} by a's host. */
    private Resource<VmSpec, VmStatus> stoppedOnA(VmPhase phase, VmSpec spec) {
        var vm = f.vm(spec);
        assertThat(vm.status().node()).isEqualTo(a.id());
        f.ok(new Command.SetVmPower(vm.id(), DesiredState.STOPPED, StopMode.GRACEFUL, 0));
        report(vm.id(), a.id(), phase);
        return vm(vm.id());
    }

    private Resource<VmSpec, VmStatus> stoppedOnA() {
        return stoppedOnA(VmPhase.STOPPED, Fixtures.vmSpec(2, 1024).build());
    }

    private Applied report(String vmId, String node, VmPhase phase) {
        return f.apply(new Command.ReportStatus(Kind.VM, vmId, node, new VmStatus(phase, "", "", 0, 0)));
    }

    private static Command.MoveVm move(String vmId) {
        return new Command.MoveVm(vmId, 0, Map.of());
    }

    @Test
    void aStoppedVmMovesWithItsReservationAndNicsAndKeepsItsDesiredPower() {
        var net = f.network("10.0.0.0/24");
        Resource<NicSpec, NicStatus> nic = f.nic(net.id());
        var vm = stoppedOnA();
        f.ok(new Command.AttachNic(nic.id(), vm.id(), 0));
        f.apply(new Command.ReportStatus(
                Kind.NIC, nic.id(), a.id(), new NicStatus(ResourcePhase.READY, "", "tap0", "")));
        var b = f.node("b", 8, 16, Map.of());

        Resource<VmSpec, VmStatus> moved = f.ok(move(vm.id()));

        assertThat(moved.status().node()).isEqualTo(b.id());
        assertThat(moved.status().phase()).isEqualTo(VmPhase.SCHEDULED);
        assertThat(moved.status().message()).isEqualTo("moved from node a");
        assertThat(moved.spec()).isEqualTo(vm(vm.id()).spec());
        assertThat(moved.spec().desired()).isEqualTo(DesiredState.STOPPED);
        assertThat(f.state().usage(a.id())).isEqualTo(Usage.NONE);
        assertThat(f.state().usage(b.id())).isEqualTo(new Usage(2, 1024, 1));
        var nicNow = f.state().nics().get(nic.id()).orElseThrow();
        assertThat(nicNow.spec().vm()).isEqualTo(vm.id());
        assertThat(nicNow.status()).isEqualTo(new NicStatus(ResourcePhase.PENDING, "", "", ""));
    }

    @Test
    void afterTheMoveOnlyTheNewHostReportsTheVm() {
        var vm = stoppedOnA();
        var b = f.node("b", 8, 16, Map.of());
        f.ok(move(vm.id()));
        assertConflict(f.reject(move(vm.id())), "vm_not_stopped"); // SCHEDULED until b reports it
        assertConflict(report(vm.id(), a.id(), VmPhase.STOPPED).result(), "wrong_node");
        assertThat(report(vm.id(), b.id(), VmPhase.STOPPED).result().ok()).isTrue();
        Resource<VmSpec, VmStatus> back = f.ok(move(vm.id()));
        assertThat(back.status().node()).as("and back").isEqualTo(a.id());
    }

    @Test
    void aFailedVmMovesToo() {
        var vm = stoppedOnA(VmPhase.FAILED, Fixtures.vmSpec(1, 512).build());
        var b = f.node("b", 8, 16, Map.of());
        Resource<VmSpec, VmStatus> moved = f.ok(move(vm.id()));
        assertThat(moved.status().node()).isEqualTo(b.id());
    }

    @Test
    void aVmMeantToRunDoesNotMove() {
        var vm = f.vm(1, 512);
        report(vm.id(), a.id(), VmPhase.STOPPED);
        f.node("b", 8, 16, Map.of());
        Result r = f.reject(move(vm.id()));
        assertConflict(r, "vm_not_stopped");
        assertThat(((Result.Conflict) r).message()).contains("stop it first");
    }

    @Test
    void aVmItsHostHasNotReportedStoppedDoesNotMove() {
        var vm = stoppedOnA(VmPhase.STOPPING, Fixtures.vmSpec(1, 512).build());
        f.node("b", 8, 16, Map.of());
        Result r = f.reject(move(vm.id()));
        assertConflict(r, "vm_not_stopped");
        assertThat(((Result.Conflict) r).message()).contains("STOPPING on node a");
        report(vm.id(), a.id(), VmPhase.RUNNING);
        assertConflict(f.reject(move(vm.id())), "vm_not_stopped");
    }

    @Test
    void aVmOnAnUnreachableNodeIsUnknownAndDoesNotMove() {
        var vm = stoppedOnA();
        f.node("b", 8, 16, Map.of());
        f.ok(new Command.SetNodePhase(a.id(), NodePhase.UNREACHABLE));
        Result r = f.reject(move(vm.id()));
        assertConflict(r, "vm_not_stopped");
        assertThat(((Result.Conflict) r).message()).contains("UNKNOWN");
    }

    @Test
    void aVmWithAVolumeOnItsNodeDoesNotMoveAndTheVolumeIsNamed() {
        var disk = f.ok(f.create("disk", Fixtures.volumeSpec(a.id(), Fixtures.GIB)));
        var vm = stoppedOnA(
                VmPhase.STOPPED, Fixtures.vmSpec(1, 512).volumes(disk.id()).build());
        f.node("b", 8, 16, Map.of());
        Result r = f.reject(move(vm.id()));
        assertConflict(r, "volume_local");
        assertThat(((Result.Conflict) r).message()).contains("volume disk").contains("node a");
    }

    @Test
    void noOtherNodeMeansNoCapacityWithAReasonPerNode() {
        var vm = stoppedOnA(VmPhase.STOPPED, Fixtures.vmSpec(8, 12288).build());
        Result alone = f.reject(move(vm.id()));
        assertThat(alone).isEqualTo(new Result.NoCapacity(Map.of("a", Moves.CURRENT_NODE)));
        var b = f.node("b", 8, 16, Map.of());
        f.ok(new Command.UpdateSpec(Kind.NODE, b.id(), 0, new NodeSpec(true, false)));
        f.node("c", 1, 1, Map.of());
        Result r = f.reject(move(vm.id()));
        assertThat(r).isInstanceOf(Result.NoCapacity.class);
        assertThat(((Result.NoCapacity) r).reasons())
                .containsEntry("a", Moves.CURRENT_NODE)
                .containsEntry("b", "node is cordoned")
                .hasEntrySatisfying("c", why -> assertThat(why).startsWith("not enough"));
        assertThat(vm(vm.id()).status().node()).isEqualTo(a.id());
    }

    @Test
    void aTargetSelectorNarrowsTheChoice() {
        var vm = stoppedOnA();
        f.node("b", 8, 16, Map.of());
        var c = f.node("c", 4, 8, Map.of("rack", "r2"));
        Resource<VmSpec, VmStatus> moved = f.ok(new Command.MoveVm(vm.id(), 0, Map.of(VmSpec.NODE_NAME, "c")));
        assertThat(moved.status().node()).isEqualTo(c.id());
    }

    @Test
    void aTargetSelectorMayNotContradictTheVmsOwnOrBeMalformed() {
        var vm = stoppedOnA(
                VmPhase.STOPPED,
                Fixtures.vmSpec(1, 512).selector(VmSpec.NODE_NAME, "a").build());
        f.node("b", 8, 16, Map.of());
        assertInvalid(
                f.reject(new Command.MoveVm(vm.id(), 0, Map.of(VmSpec.NODE_NAME, "b"))), "nodeSelector.node.name");
        assertInvalid(f.reject(new Command.MoveVm(vm.id(), 0, Map.of("zone", "-x"))), "nodeSelector.zone");
    }

    @Test
    void preconditionAndMissingVm() {
        var vm = stoppedOnA();
        f.node("b", 8, 16, Map.of());
        Result stale = f.reject(new Command.MoveVm(vm.id(), vm.revision() - 1, Map.of()));
        assertThat(stale).isEqualTo(new Result.PreconditionFailed(vm.revision() - 1, vm.revision()));
        assertNotFound(f.reject(move(Fixtures.uuid(999))));
        Resource<VmSpec, VmStatus> moved = f.ok(new Command.MoveVm(vm.id(), vm.revision(), Map.of()));
        assertThat(moved.revision()).isGreaterThan(vm.revision());
    }

    @Test
    void aRepeatedRequestWithItsKeyIsAnsweredAgainWithoutMovingTwice() {
        var vm = stoppedOnA();
        var b = f.node("b", 8, 16, Map.of());
        Applied first = f.apply(move(vm.id()), "k1", "h1");
        f.node("c", 64, 256, Map.of());
        Applied again = f.apply(move(vm.id()), "k1", "h1");
        assertThat(again.result()).isEqualTo(first.result());
        assertThat(again.events()).isEmpty();
        assertThat(vm(vm.id()).status().node()).isEqualTo(b.id());
    }
}
