package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static dev.mvirt.api.state.Fixtures.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeRulesTest {
    private final Fixtures f = new Fixtures();

    @Test
    void registerCreatesAReadyUncordonedNode() {
        var n = f.node("host-a", 8, 16, Map.of("zone", "a"));
        assertThat(n.status().phase()).isEqualTo(NodePhase.READY);
        assertThat(n.status().memoryMib()).isEqualTo(16 * 1024);
        assertThat(n.spec()).isEqualTo(new NodeSpec(false, false));
        assertThat(n.meta().labels()).containsEntry("zone", "a");
        assertThat(f.state().nodes().byName("", "host-a")).contains(n);
    }

    @Test
    void sameIdUpdatesFactsAndLabelsButKeepsOperatorDecisions() {
        var n = f.node("host-a", 8, 16, Map.of());
        f.ok(new Command.UpdateSpec(n.kind(), n.id(), 0, new NodeSpec(true, false)));
        f.ok(new Command.SetNodePhase(n.id(), NodePhase.UNREACHABLE));
        Resource<NodeSpec, NodeStatus> again =
                f.ok(new Command.RegisterNode(n.id(), "host-a", Map.of("gpu", "yes"), Fixtures.facts(16, 32)));
        assertThat(again.id()).isEqualTo(n.id());
        assertThat(again.spec().cordoned()).isTrue();
        assertThat(again.status().cpus()).isEqualTo(16);
        assertThat(again.status().phase()).isEqualTo(NodePhase.READY);
        assertThat(again.meta().labels()).containsExactly(Map.entry("gpu", "yes"));
        assertThat(again.meta().createdAt()).isEqualTo(n.meta().createdAt());
        assertThat(f.state().nodes().size()).isEqualTo(1);
    }

    @Test
    void anUnchangedRegistrationCausesNoEvent() {
        var n = f.node("host-a", 8, 16, Map.of());
        int events = f.events().size();
        Applied a = f.apply(new Command.RegisterNode(n.id(), "host-a", Map.of(), Fixtures.facts(8, 16)));
        assertThat(a.result()).isEqualTo(new Result.Ok(n));
        assertThat(a.events()).isEmpty();
        assertThat(f.events()).hasSize(events);
    }

    @Test
    void namesBelongToOneNode() {
        var n = f.node("host-a", 8, 16, Map.of());
        assertConflict(f.reject(f.registerNode("host-a", 8, 16, Map.of())), "name_taken");
        assertInvalid(f.reject(new Command.RegisterNode(n.id(), "host-b", Map.of(), Fixtures.facts(8, 16))), "name");
    }

    @Test
    void refusesBadRegistrations() {
        assertInvalid(f.reject(new Command.RegisterNode("x", "h", Map.of(), Fixtures.facts(1, 1))), "nodeId");
        assertInvalid(f.reject(f.registerNode("../h", 1, 1, Map.of())), "name");
        assertInvalid(f.reject(f.registerNode("h", 1, 1, Map.of("-", "x"))), "labels.-");
        assertInvalid(f.reject(f.registerNode("h", 0, 1, Map.of())), "facts.cpus");
        assertInvalid(f.reject(f.registerNode("h", 1, 0, Map.of())), "facts.memoryMib");
        NodeStatus badHv =
                new NodeStatus(NodePhase.READY, "h", "192.0.2.1", 1, 1024, List.of(), List.of("q/emu"), "test");
        assertInvalid(f.reject(new Command.RegisterNode(f.id(), "h", Map.of(), badHv)), "facts.hypervisors[0]");
    }

    @Test
    void unreachableMarksVmsUnknownAndNeverMovesThem() {
        var a = f.node("a", 8, 16, Map.of());
        var b = f.node("b", 8, 16, Map.of());
        var vm = f.vm(Fixtures.vmSpec(1, 512).selector(VmSpec.NODE_ID, a.id()).build());
        var other =
                f.vm(Fixtures.vmSpec(1, 512).selector(VmSpec.NODE_ID, b.id()).build());
        f.ok(new Command.ReportStatus(vm.kind(), vm.id(), a.id(), new VmStatus(VmPhase.RUNNING, "", "", 0, 1)));

        f.ok(new Command.SetNodePhase(a.id(), NodePhase.UNREACHABLE));
        Resource<VmSpec, VmStatus> now = f.state().vms().get(vm.id()).orElseThrow();
        assertThat(now.status().phase()).isEqualTo(VmPhase.UNKNOWN);
        assertThat(now.status().node()).isEqualTo(a.id());
        assertThat(f.state().usage(a.id())).isEqualTo(new Usage(1, 512, 1));
        assertThat(f.state().vms().get(other.id()).orElseThrow().status().phase())
                .isEqualTo(VmPhase.SCHEDULED);

        // no new VM lands on an unreachable node
        assertThat(f.reject(f.create(
                        Fixtures.vmSpec(1, 512).selector(VmSpec.NODE_ID, a.id()).build())))
                .isInstanceOfSatisfying(
                        Result.NoCapacity.class,
                        n -> assertThat(n.reasons()).containsEntry("a", "node is unreachable"));

        // back to READY: VMs stay UNKNOWN until the host reports them
        f.ok(new Command.SetNodePhase(a.id(), NodePhase.READY));
        assertThat(f.state().vms().get(vm.id()).orElseThrow().status().phase()).isEqualTo(VmPhase.UNKNOWN);
        f.ok(new Command.ReportStatus(vm.kind(), vm.id(), a.id(), new VmStatus(VmPhase.RUNNING, "", "", 0, 1)));
        assertThat(f.state().vms().get(vm.id()).orElseThrow().status().phase()).isEqualTo(VmPhase.RUNNING);
    }

    @Test
    void settingTheSamePhaseChangesNothing() {
        var a = f.node("a", 8, 16, Map.of());
        Applied same = f.apply(new Command.SetNodePhase(a.id(), NodePhase.READY));
        assertThat(same.result()).isEqualTo(new Result.Ok(a));
        assertThat(same.events()).isEmpty();
        assertNotFound(f.reject(new Command.SetNodePhase(Fixtures.uuid(999), NodePhase.DOWN)));
    }
}
