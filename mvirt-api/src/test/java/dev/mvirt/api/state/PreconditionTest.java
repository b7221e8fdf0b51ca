package dev.mvirt.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmSpec.DesiredState;
import dev.mvirt.api.model.VmSpec.StopMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every command that carries expectedRevision answers PreconditionFailed(expected, current) and changes nothing. */
class PreconditionTest {
    private final Fixtures f = new Fixtures();

    /** One command per case, built for a resource and a revision. */
    private record Case(String name, Function<Long, Command> command, Resource<?, ?> target) {}

    private long current(Case c) {
        return f.state().get(c.target().kind(), c.target().id()).orElseThrow().revision();
    }

    private List<Case> cases() {
        var node = f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        var free = f.nic(net.id());
        var vm = f.vm(1, 512);
        f.ok(new Command.AttachNic(nic.id(), vm.id(), 0));
        var attached = f.state().nics().get(nic.id()).orElseThrow();
        var vmNow = f.state().vms().get(vm.id()).orElseThrow();
        return List.of(
                new Case(
                        "update",
                        rev -> new Command.UpdateSpec(Kind.NODE, node.id(), rev, new NodeSpec(true, false)),
                        node),
                new Case("labels", rev -> new Command.SetLabels(Kind.NETWORK, net.id(), rev, Map.of("a", "b")), net),
                new Case("attach", rev -> new Command.AttachNic(free.id(), vm.id(), rev), free),
                new Case("detach", rev -> new Command.DetachNic(nic.id(), rev), attached),
                new Case(
                        "power",
                        rev -> new Command.SetVmPower(vm.id(), DesiredState.RUNNING, StopMode.FORCE, rev),
                        vmNow),
                new Case("reboot", rev -> new Command.RebootVm(vm.id(), rev), vmNow),
                new Case("delete", rev -> new Command.Delete(Kind.VM, vm.id(), rev, false), vmNow));
    }

    @Test
    void aStaleRevisionIsRefusedWithExpectedAndCurrent() {
        for (Case c : cases()) {
            long current = current(c);
            Result r = f.reject(c.command().apply(current - 1 == 0 ? current + 1000 : current - 1));
            assertThat(r).as(c.name()).isInstanceOfSatisfying(Result.PreconditionFailed.class, p -> {
                assertThat(p.current()).as(c.name()).isEqualTo(current);
                assertThat(p.expected()).as(c.name()).isNotEqualTo(current);
            });
        }
    }

    @Test
    void theCurrentRevisionOrZeroIsAccepted() {
        for (Case c : cases()) {
            assertThat(f.apply(c.command().apply(current(c))).result().ok())
                    .as(c.name())
                    .isTrue();
        }
    }

    @Test
    void zeroMeansAnyRevision() {
        var net = f.network("10.0.0.0/24");
        f.ok(new Command.SetLabels(Kind.NETWORK, net.id(), 0, Map.of("x", "1")));
        f.ok(new Command.SetLabels(Kind.NETWORK, net.id(), 0, Map.of("x", "2")));
    }

    @Test
    void aPreconditionIsCheckedBeforeTheSpec() {
        var net = f.network("10.0.0.0/24");
        Result r = f.reject(
                new Command.UpdateSpec(Kind.NETWORK, net.id(), net.revision() + 7, Fixtures.networkSpec("bad")));
        assertThat(r).isEqualTo(new Result.PreconditionFailed(net.revision() + 7, net.revision()));
    }
}
