package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.GIB;
import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.VolumeSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeleteRulesTest {
    private final Fixtures f = new Fixtures();

    private static Command.Delete delete(Resource<?, ?> r) {
        return new Command.Delete(r.kind(), r.id(), 0, false);
    }

    private static Command.Delete force(Resource<?, ?> r) {
        return new Command.Delete(r.kind(), r.id(), 0, true);
    }

    @Test
    void deletesAndReportsTheResourceAsItWas() {
        var net = f.network("10.0.0.0/24");
        Resource<?, ?> gone = f.ok(delete(net));
        assertThat(gone).isEqualTo(net);
        assertThat(f.state().networks().get(net.id())).isEmpty();
        assertThat(f.state().networks().byName(Fixtures.DEFAULT, net.name())).isEmpty();
        assertThat(f.events()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Event.Type.DELETED);
            assertThat(e.revision()).isEqualTo(f.index());
            assertThat(e.resource().id()).isEqualTo(net.id());
        });
        assertNotFound(f.reject(delete(net)));
        f.network("10.0.0.0/24"); // the name is free again
    }

    @Test
    void networkWithNicsGoesOnlyWithForceTakingNicsAndAttachments() {
        f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var keep = f.network("10.0.1.0/24");
        var a = f.nic(net.id());
        var b = f.nic(net.id());
        var c = f.nic(keep.id());
        var vm = f.vm(Fixtures.vmSpec(1, 512).nics(a.id(), c.id()).build());
        assertConflict(f.reject(delete(net)), "network_in_use");

        f.ok(force(net));
        assertThat(f.state().nics().get(a.id())).isEmpty();
        assertThat(f.state().nics().get(b.id())).isEmpty();
        assertThat(f.state().vms().get(vm.id()).orElseThrow().spec().nics()).containsExactly(c.id());
        assertThat(f.state().allocatedAddresses(net.id())).isZero();
        assertThat(f.state().addressHolder(net.id(), a.spec().ipv4())).isEmpty();
        assertThat(f.state().addressHolder(keep.id(), c.spec().ipv4())).contains(c.id());
        var last = f.events().stream().filter(e -> e.revision() == f.index()).toList();
        assertThat(last)
                .filteredOn(e -> e.type() == Event.Type.DELETED)
                .extracting(e -> e.resource().id())
                .containsExactlyInAnyOrder(a.id(), b.id(), net.id());
    }

    @Test
    void attachedNicIsRefusedUnlessForced() {
        f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        var vm = f.vm(Fixtures.vmSpec(1, 512).nics(nic.id()).build());
        assertConflict(f.reject(delete(nic)), "nic_attached");
        f.ok(force(nic));
        assertThat(f.state().vms().get(vm.id()).orElseThrow().spec().nics()).isEmpty();
        assertThat(f.state().allocatedAddresses(net.id())).isZero();
    }

    @Test
    void detachedNicReleasesItsAddress() {
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        f.ok(delete(nic));
        assertThat(f.state().addressHolder(net.id(), "10.0.0.2")).isEmpty();
        assertThat(f.nic(net.id()).spec().ipv4()).isEqualTo("10.0.0.2");
    }

    @Test
    void volumeUsedByAVmStays() {
        var node = f.node(8, 16);
        var vol = f.volume(node.id(), 1);
        var vm = f.vm(Fixtures.vmSpec(1, 512).bootVolume(vol.id()).build());
        assertConflict(f.reject(delete(vol)), "volume_in_use");
        f.ok(delete(vm));
        f.ok(delete(vol));
    }

    @Test
    void templateWithClonesStays() {
        var node = f.node(8, 16);
        var tpl = f.template(node.id());
        Resource<?, ?> clone = f.ok(f.create(new VolumeSpec("", GIB, tpl.id(), "", List.of(), "", 0)));
        assertConflict(f.reject(delete(tpl)), "template_in_use");
        f.ok(delete(clone));
        f.ok(delete(tpl));
    }

    @Test
    void securityGroupInUseStays() {
        var net = f.network("10.0.0.0/24");
        var sg = f.securityGroup();
        var nic = f.nic(net.id());
        f.ok(new Command.UpdateSpec(
                Kind.NIC,
                nic.id(),
                0,
                new dev.mvirt.api.model.NicSpec(
                        net.id(), nic.spec().mac(), nic.spec().ipv4(), "", List.of(), List.of(sg.id()), "")));
        assertConflict(f.reject(delete(sg)), "security_group_in_use");
        f.ok(delete(nic));
        var peerRule = new Rule(Rule.Direction.INGRESS, Rule.Protocol.ANY, 0, 0, "", sg.id());
        Resource<?, ?> other = f.ok(f.create(new SecurityGroupSpec("", List.of(peerRule))));
        assertConflict(f.reject(delete(sg)), "security_group_in_use");
        f.ok(delete(other));
        f.ok(delete(sg));
    }

    @Test
    void securityGroupPeeringOnlyItselfCanGo() {
        var id = f.id();
        var self = new Rule(Rule.Direction.INGRESS, Rule.Protocol.ANY, 0, 0, "", id);
        Resource<?, ?> sg = f.ok(
                new Command.Create(id, Fixtures.DEFAULT, "self", Map.of(), new SecurityGroupSpec("", List.of(self))));
        f.ok(delete(sg));
    }

    @Test
    void nodeInUseStays() {
        var node = f.node(8, 16);
        var vm = f.vm(1, 512);
        assertConflict(f.reject(delete(node)), "node_in_use");
        f.ok(delete(vm));
        var vol = f.volume(node.id(), 1);
        assertConflict(f.reject(delete(node)), "node_in_use");
        f.ok(delete(vol));
        var tpl = f.template(node.id());
        assertConflict(f.reject(delete(node)), "node_in_use");
        f.ok(delete(tpl));
        f.ok(delete(node));
    }

    @Test
    void defaultProjectStaysAndOthersGoOnlyWhenEmpty() {
        var dflt = f.state().projects().get(ClusterState.DEFAULT_PROJECT_ID).orElseThrow();
        assertConflict(f.reject(delete(dflt)), "default_project");
        assertConflict(f.reject(force(dflt)), "default_project");
        var p = f.project("team-a");
        f.project("team-a-b"); // a project whose name shares a prefix must not count
        Resource<?, ?> net =
                f.ok(new Command.Create(f.id(), "team-a", "net", Map.of(), Fixtures.networkSpec("10.0.0.0/24")));
        assertConflict(f.reject(delete(p)), "project_not_empty");
        f.ok(delete(net));
        f.ok(delete(p));
    }

    @Test
    void deletingAVmReleasesItsReservationAndDetachesNics() {
        var node = f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        var vm = f.vm(Fixtures.vmSpec(2, 1024).nics(nic.id()).build());
        assertThat(f.state().usage(node.id())).isEqualTo(new Usage(2, 1024, 1));
        f.ok(delete(vm));
        assertThat(f.state().usage(node.id())).isEqualTo(Usage.NONE);
        assertThat(f.state().nics().get(nic.id()).orElseThrow().spec().vm()).isEmpty();
    }

    @Test
    void deletingALockNeedsNoOwner() {
        Resource<?, ?> lock = f.ok(new Command.AcquireLock(f.id(), "leader", "me", 10_000));
        f.ok(delete(lock));
        assertThat(f.state().locks().byName("", "leader")).isEmpty();
    }
}
