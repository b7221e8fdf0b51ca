package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static dev.mvirt.api.state.Fixtures.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmSpec.DesiredState;
import dev.mvirt.api.model.VmSpec.StopMode;
import dev.mvirt.api.model.VmStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VmRulesTest {
    private final Fixtures f = new Fixtures();

    private Resource<VmSpec, VmStatus> vm(String id) {
        return f.state().vms().get(id).orElseThrow();
    }

    private Resource<NicSpec, ?> nic(String id) {
        return f.state().nics().get(id).orElseThrow();
    }

    @Test
    void attachRecordsTheNicOnBothSidesAndIsIdempotent() {
        f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        var vm = f.vm(1, 512);
        Resource<NicSpec, ?> attached = f.ok(new Command.AttachNic(nic.id(), vm.id(), 0));
        assertThat(attached.spec().vm()).isEqualTo(vm.id());
        assertThat(vm(vm.id()).spec().nics()).containsExactly(nic.id());

        int events = f.events().size();
        Applied again = f.apply(new Command.AttachNic(nic.id(), vm.id(), 0));
        assertThat(again.result()).isEqualTo(new Result.Ok(attached));
        assertThat(again.events()).isEmpty();
        assertThat(f.events()).hasSize(events);
        assertThat(vm(vm.id()).spec().nics()).containsExactly(nic.id());
    }

    @Test
    void aNicBelongsToAtMostOneVm() {
        f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        var a = f.vm(1, 512);
        var b = f.vm(1, 512);
        f.ok(new Command.AttachNic(nic.id(), a.id(), 0));
        assertConflict(f.reject(new Command.AttachNic(nic.id(), b.id(), 0)), "nic_attached");
        f.ok(new Command.DetachNic(nic.id(), 0));
        f.ok(new Command.AttachNic(nic.id(), b.id(), 0));
        assertThat(vm(a.id()).spec().nics()).isEmpty();
        assertThat(vm(b.id()).spec().nics()).containsExactly(nic.id());
    }

    @Test
    void attachRefusesMissingThingsOtherProjectsAndTheSeventeenthNic() {
        f.node(64, 64);
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        var vm = f.vm(1, 512);
        assertNotFound(f.reject(new Command.AttachNic(Fixtures.uuid(999), vm.id(), 0)));
        assertNotFound(f.reject(new Command.AttachNic(nic.id(), Fixtures.uuid(999), 0)));
        f.project("team-a");
        var otherNet = f.<Resource<?, ?>>ok(
                new Command.Create(f.id(), "team-a", "n", Map.of(), Fixtures.networkSpec("10.1.0.0/24")));
        var foreign = f.<Resource<?, ?>>ok(
                new Command.Create(f.id(), "team-a", "nic", Map.of(), Fixtures.nicSpec(otherNet.id())));
        assertInvalid(f.reject(new Command.AttachNic(foreign.id(), vm.id(), 0)), "nic");
        for (int i = 0; i < 16; i++) {
            f.ok(new Command.AttachNic(f.nic(net.id()).id(), vm.id(), 0));
        }
        assertConflict(f.reject(new Command.AttachNic(nic.id(), vm.id(), 0)), "too_many_nics");
    }

    @Test
    void detachIsIdempotent() {
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        Applied a = f.apply(new Command.DetachNic(nic.id(), 0));
        assertThat(a.result()).isEqualTo(new Result.Ok(nic));
        assertThat(a.events()).isEmpty();
        assertNotFound(f.reject(new Command.DetachNic(Fixtures.uuid(999), 0)));
    }

    @Test
    void detachFromADeletedVmIsImpossibleBecauseDeleteDetaches() {
        f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        var vm = f.vm(Fixtures.vmSpec(1, 512).nics(nic.id()).build());
        f.ok(new Command.Delete(vm.kind(), vm.id(), 0, false));
        assertThat(nic(nic.id()).spec().vm()).isEmpty();
    }

    @Test
    void powerChangesOnlyTheDesiredStateNeverThePhase() {
        f.node(8, 16);
        var vm = f.vm(1, 512);
        Resource<VmSpec, VmStatus> stopped =
                f.ok(new Command.SetVmPower(vm.id(), DesiredState.STOPPED, StopMode.FORCE, 0));
        assertThat(stopped.spec().desired()).isEqualTo(DesiredState.STOPPED);
        assertThat(stopped.spec().stopMode()).isEqualTo(StopMode.FORCE);
        assertThat(stopped.status().phase()).isEqualTo(VmPhase.SCHEDULED);
        int events = f.events().size();
        Applied again = f.apply(new Command.SetVmPower(vm.id(), DesiredState.STOPPED, StopMode.FORCE, 0));
        assertThat(again.events()).isEmpty();
        assertThat(f.events()).hasSize(events);
        assertNotFound(
                f.reject(new Command.SetVmPower(Fixtures.uuid(999), DesiredState.RUNNING, StopMode.GRACEFUL, 0)));
    }

    @Test
    void rebootBumpsTheGenerationOfARunningVmOnly() {
        f.node(8, 16);
        var vm = f.vm(1, 512);
        Resource<VmSpec, ?> r1 = f.ok(new Command.RebootVm(vm.id(), 0));
        Resource<VmSpec, ?> r2 = f.ok(new Command.RebootVm(vm.id(), 0));
        assertThat(r1.spec().rebootGeneration()).isEqualTo(1);
        assertThat(r2.spec().rebootGeneration()).isEqualTo(2);
        f.ok(new Command.SetVmPower(vm.id(), DesiredState.STOPPED, StopMode.GRACEFUL, 0));
        assertConflict(f.reject(new Command.RebootVm(vm.id(), 0)), "vm_not_running");
        assertNotFound(f.reject(new Command.RebootVm(Fixtures.uuid(999), 0)));
    }
}
