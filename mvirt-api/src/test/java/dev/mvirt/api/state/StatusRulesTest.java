package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.GIB;
import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static dev.mvirt.api.state.Fixtures.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.LockStatus;
import dev.mvirt.api.model.NetworkStatus;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.ResourcePhase;
import dev.mvirt.api.model.SecurityGroupStatus;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.TemplatePhase;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeStatus;
import org.junit.jupiter.api.Test;

class StatusRulesTest {
    private final Fixtures f = new Fixtures();

    private static Command.ReportStatus report(Resource<?, ?> r, String node, Status s) {
        return new Command.ReportStatus(r.kind(), r.id(), node, s);
    }

    @Test
    void vmReportIsAppliedButKeepsThePlacement() {
        var node = f.node(8, 16);
        var vm = f.vm(1, 512);
        var running = new VmStatus(VmPhase.RUNNING, "somewhere-else", "", 0, 4242);
        Resource<VmSpec, VmStatus> r = f.ok(report(vm, node.id(), running));
        assertThat(r.status()).isEqualTo(new VmStatus(VmPhase.RUNNING, node.id(), "", 0, 4242));
        assertThat(r.revision()).isEqualTo(f.index());
        assertThat(f.events()).last().extracting(Event::type).isEqualTo(Event.Type.UPDATED);
    }

    @Test
    void unchangedReportCausesNoEventAndKeepsTheRevision() {
        var node = f.node(8, 16);
        var vm = f.vm(1, 512);
        var running = new VmStatus(VmPhase.RUNNING, node.id(), "", 0, 1);
        Resource<?, ?> first = f.ok(report(vm, node.id(), running));
        int events = f.events().size();
        Applied again = f.apply(report(vm, node.id(), running));
        assertThat(again.result()).isEqualTo(new Result.Ok(first));
        assertThat(again.events()).isEmpty();
        assertThat(f.events()).hasSize(events);
        assertThat(f.state().vms().get(vm.id()).orElseThrow().revision()).isEqualTo(first.revision());
    }

    @Test
    void reportFromAnotherNodeIsAConflict() {
        var a = f.node(8, 16);
        var b = f.node(8, 16);
        var vm = f.vm(Fixtures.vmSpec(1, 512).selector(VmSpec.NODE_ID, a.id()).build());
        assertConflict(f.reject(report(vm, b.id(), new VmStatus(VmPhase.RUNNING, "", "", 0, 1))), "wrong_node");
        var vol = f.volume(a.id(), 1);
        assertConflict(
                f.reject(report(vol, b.id(), new VolumeStatus(ResourcePhase.READY, "", "/dev/x", 0, 0, ""))),
                "wrong_node");
        var tpl = f.template(a.id());
        assertConflict(f.reject(report(tpl, b.id(), new TemplateStatus(TemplatePhase.READY, 1, 1, ""))), "wrong_node");
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        f.ok(new Command.AttachNic(nic.id(), vm.id(), 0));
        assertConflict(f.reject(report(nic, b.id(), new NicStatus(ResourcePhase.READY, "", "tap0", ""))), "wrong_node");
    }

    @Test
    void everyHostRealisedKindIsApplied() {
        var node = f.node(8, 16);
        var vol = f.volume(node.id(), 1);
        Resource<?, VolumeStatus> v =
                f.ok(report(vol, node.id(), new VolumeStatus(ResourcePhase.READY, "", "/dev/zvol/x", 7, 0, "")));
        assertThat(v.status()).isEqualTo(new VolumeStatus(ResourcePhase.READY, node.id(), "/dev/zvol/x", 7, 0, ""));
        var tpl = f.template(node.id());
        var importing = new TemplateStatus(TemplatePhase.IMPORTING, 5 * GIB, 10 * GIB, "");
        Resource<?, TemplateStatus> t = f.ok(report(tpl, node.id(), importing));
        assertThat(t.status()).isEqualTo(importing);
        var sg = f.securityGroup();
        Resource<?, ?> g = f.ok(report(sg, node.id(), new SecurityGroupStatus(ResourcePhase.READY, "")));
        assertThat(g.status()).isEqualTo(new SecurityGroupStatus(ResourcePhase.READY, ""));
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        Resource<?, NicStatus> n = f.ok(report(nic, node.id(), new NicStatus(ResourcePhase.READY, "x", "tap7", "")));
        assertThat(n.status()).isEqualTo(new NicStatus(ResourcePhase.READY, node.id(), "tap7", ""));
    }

    @Test
    void controlPlanePhasesAreNotReportable() {
        var node = f.node(8, 16);
        var vm = f.vm(1, 512);
        assertInvalid(f.reject(report(vm, node.id(), new VmStatus(VmPhase.PENDING, "", "", 0, 0))), "status.phase");
        assertInvalid(f.reject(report(vm, node.id(), new VmStatus(VmPhase.SCHEDULED, "", "", 0, 0))), "status.phase");
    }

    @Test
    void refusesUnknownResourcesNodesAndMismatchedKinds() {
        var node = f.node(8, 16);
        var vm = f.vm(1, 512);
        var running = new VmStatus(VmPhase.RUNNING, "", "", 0, 1);
        assertNotFound(f.reject(new Command.ReportStatus(Kind.VM, Fixtures.uuid(999), node.id(), running)));
        assertInvalid(f.reject(report(vm, Fixtures.uuid(998), running)), "node");
        assertInvalid(
                f.reject(new Command.ReportStatus(
                        Kind.VM, vm.id(), node.id(), new NicStatus(ResourcePhase.READY, "", "", ""))),
                "status");
    }

    @Test
    void statusOfKindsNoHostRealisesIsRefused() {
        var node = f.node(8, 16);
        var other = f.node(8, 16);
        var lock = f.<Resource<?, LockStatus>>ok(new Command.AcquireLock(f.id(), "k", "me", 1000));
        // a host must not be able to extend a lease, mark another node ready, or write a project's status
        assertInvalid(f.reject(report(lock, node.id(), new LockStatus(0, Long.MAX_VALUE))), "kind");
        var down = Fixtures.facts(1, 1).withPhase(NodePhase.DOWN);
        assertInvalid(f.reject(report(other, node.id(), down)), "kind");
        var dflt = f.state().projects().get(ClusterState.DEFAULT_PROJECT_ID).orElseThrow();
        assertInvalid(f.reject(report(dflt, node.id(), new ProjectStatus())), "kind");
        var net = f.network("10.0.0.0/24");
        assertInvalid(f.reject(report(net, node.id(), new NetworkStatus())), "kind");
        assertThat(f.state().nodes().get(other.id()).orElseThrow().status().phase())
                .isEqualTo(NodePhase.READY);
        NodeStatus unchanged = f.state().nodes().get(other.id()).orElseThrow().status();
        assertThat(unchanged).isEqualTo(other.status());
    }
}
