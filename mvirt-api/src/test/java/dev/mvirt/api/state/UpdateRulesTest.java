package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.GIB;
import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static dev.mvirt.api.state.Fixtures.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Snapshot;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VolumeSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateRulesTest {
    private final Fixtures f = new Fixtures();

    private Command.UpdateSpec update(Resource<?, ?> r, dev.mvirt.api.model.Spec spec) {
        return new Command.UpdateSpec(r.kind(), r.id(), 0, spec);
    }

    @Test
    void replacesASpecAtTheNewRevisionAndKeepsMeta() {
        var net = f.network("10.0.0.0/24");
        var next = new NetworkSpec("10.0.0.0/24", "", List.of("10.0.0.53"), List.of(), true);
        Resource<NetworkSpec, ?> r = f.ok(update(net, next));
        assertThat(r.spec()).isEqualTo(next);
        assertThat(r.revision()).isEqualTo(f.index());
        assertThat(r.meta().createdAt()).isEqualTo(net.meta().createdAt());
        assertThat(f.events()).last().extracting(Event::type).isEqualTo(Event.Type.UPDATED);
    }

    @Test
    void refusesMissingResourcesWrongKindsAndBadSpecs() {
        var net = f.network("10.0.0.0/24");
        assertNotFound(f.reject(new Command.UpdateSpec(Kind.NETWORK, Fixtures.uuid(999), 0, net.spec())));
        assertInvalid(f.reject(new Command.UpdateSpec(Kind.NIC, net.id(), 0, net.spec())), "spec");
        assertInvalid(f.reject(update(net, Fixtures.networkSpec("10.0.0.0/33"))), "spec.ipv4Cidr");
    }

    @Test
    void networkPrefixesChangeOnlyWithoutNics() {
        var net = f.network("10.0.0.0/24");
        f.ok(update(net, Fixtures.networkSpec("10.0.1.0/24")));
        var nic = f.nic(net.id());
        assertConflict(f.reject(update(net, Fixtures.networkSpec("10.0.2.0/24"))), "network_in_use");
        var withV6 = new NetworkSpec("10.0.1.0/24", "fd00::/64", List.of(), List.of(), false);
        assertConflict(f.reject(update(net, withV6)), "network_in_use");
        f.ok(update(net, new NetworkSpec("10.0.1.0/24", "", List.of("1.1.1.1"), List.of(), true)));
        f.ok(new Command.Delete(Kind.NIC, nic.id(), 0, false));
        f.ok(update(net, Fixtures.networkSpec("10.0.2.0/24")));
    }

    @Test
    void nicKeepsNetworkMacAndAddressesAndChangesVmOnlyByAttach() {
        var net = f.network("10.0.0.0/24");
        var other = f.network("10.0.1.0/24");
        Resource<NicSpec, ?> nic = f.nic(net.id());
        NicSpec s = nic.spec();
        assertInvalid(
                f.reject(update(nic, new NicSpec(other.id(), s.mac(), s.ipv4(), "", List.of(), List.of(), ""))),
                "spec.network");
        assertInvalid(f.reject(update(nic, s.withAddresses("02:00:00:00:00:99", s.ipv4(), ""))), "spec.mac");
        assertInvalid(f.reject(update(nic, s.withAddresses(s.mac(), "10.0.0.9", ""))), "spec.ipv4");
        assertInvalid(f.reject(update(nic, s.withVm(Fixtures.uuid(999)))), "spec.vm");
        var sg = f.securityGroup();
        var groups = new NicSpec(net.id(), s.mac(), s.ipv4(), "", List.of("192.168.0.0/24"), List.of(sg.id()), "");
        f.ok(update(nic, groups));
        var missing = new NicSpec(net.id(), s.mac(), s.ipv4(), "", List.of(), List.of(Fixtures.uuid(998)), "");
        assertInvalid(f.reject(update(nic, missing)), "spec.securityGroups[0]");
    }

    @Test
    void volumeOnlyGrowsAndKeepsItsPlacement() {
        var node = f.node(8, 16);
        Resource<VolumeSpec, ?> vol = f.volume(node.id(), 10);
        VolumeSpec s = vol.spec();
        assertInvalid(f.reject(update(vol, s.withSize(5 * GIB))), "spec.sizeBytes");
        f.ok(update(vol, s.withSize(20 * GIB)));
        VolumeSpec grown = s.withSize(20 * GIB);
        assertInvalid(f.reject(update(vol, grown.withNode(f.node(8, 16).id()))), "spec.node");
        var otherPool = new VolumeSpec(node.id(), 20 * GIB, "", "fast", List.of(), "", 0);
        assertInvalid(f.reject(update(vol, otherPool)), "spec.pool");
        assertInvalid(f.reject(update(vol, grown.withSnapshots(List.of(new Snapshot("s", 0))))), "spec.snapshots");
        assertInvalid(f.reject(update(vol, grown.withRollback("s"))), "spec.snapshots");
    }

    @Test
    void templatesAndLocksCannotBeUpdated() {
        var node = f.node(8, 16);
        var tpl = f.template(node.id());
        assertInvalid(f.reject(update(tpl, new TemplateSpec(node.id(), "/srv/b.raw", "raw"))), "spec");
        Resource<?, ?> lock = f.ok(new Command.AcquireLock(f.id(), "k", "me", 1000));
        assertInvalid(f.reject(update(lock, new dev.mvirt.api.model.LockSpec("you", 1000))), "spec");
    }

    @Test
    void projectsNodesAndSecurityGroupsAreReplaced() {
        var p = f.project("team-a");
        f.ok(update(p, new ProjectSpec("the A team")));
        var node = f.node(8, 16);
        Resource<NodeSpec, ?> cordoned = f.ok(update(node, new NodeSpec(true, false)));
        assertThat(cordoned.spec().cordoned()).isTrue();
        var sg = f.securityGroup();
        var peer = new dev.mvirt.api.model.Rule(
                dev.mvirt.api.model.Rule.Direction.INGRESS,
                dev.mvirt.api.model.Rule.Protocol.ANY,
                0,
                0,
                "",
                Fixtures.uuid(999));
        assertInvalid(
                f.reject(update(sg, new dev.mvirt.api.model.SecurityGroupSpec("", List.of(peer)))),
                "spec.rules[0].peerGroup");
    }

    @Test
    void vmNicsChangeOnlyThroughAttach() {
        f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        Resource<VmSpec, ?> vm = f.vm(1, 512);
        var withNic = Fixtures.vmSpec(1, 512).nics(nic.id()).build();
        assertInvalid(f.reject(update(vm, withNic)), "spec.nics");
    }

    @Test
    void vmResizeIsCheckedAgainstItsOwnNode() {
        var node = f.node(2, 4); // 8 vCPUs with the default 4.0 overcommit, 4096 MiB
        f.node(64, 256); // a roomy node the VM must not move to
        Resource<VmSpec, dev.mvirt.api.model.VmStatus> vm = f.vm(
                Fixtures.vmSpec(2, 1024).selector(VmSpec.NODE_ID, node.id()).build());
        var bigger =
                Fixtures.vmSpec(8, 4096).selector(VmSpec.NODE_ID, node.id()).build();
        Resource<VmSpec, dev.mvirt.api.model.VmStatus> grown = f.ok(update(vm, bigger));
        assertThat(grown.status().node()).isEqualTo(node.id());
        assertThat(f.state().usage(node.id())).isEqualTo(new Usage(8, 4096, 1));
        var tooBig =
                Fixtures.vmSpec(9, 4096).selector(VmSpec.NODE_ID, node.id()).build();
        assertThat(f.reject(update(grown, tooBig))).isInstanceOf(Result.NoCapacity.class);
        var tooMuchMemory =
                Fixtures.vmSpec(8, 4097).selector(VmSpec.NODE_ID, node.id()).build();
        assertThat(f.reject(update(grown, tooMuchMemory))).isInstanceOf(Result.NoCapacity.class);
        Resource<VmSpec, ?> shrunk = f.ok(update(grown, Fixtures.vmSpec(1, 512).build()));
        assertThat(f.state().usage(node.id())).isEqualTo(new Usage(1, 512, 1));
        assertThat(shrunk.spec().rebootGeneration()).isZero();
    }

    @Test
    void vmResizeFitsWhenAnotherVmLeavesRoom() {
        var node = f.node(1, 2); // 4 vCPUs, 2048 MiB
        f.vm(2, 1024);
        Resource<VmSpec, ?> vm = f.vm(2, 1024);
        assertThat(f.reject(update(vm, Fixtures.vmSpec(2, 1025).build()))).isInstanceOf(Result.NoCapacity.class);
        assertThat(f.state().usage(node.id())).isEqualTo(new Usage(4, 2048, 2));
    }

    @Test
    void vmUpdateKeepsTheRebootGenerationAndChecksVolumes() {
        var node = f.node(8, 16);
        var other = f.node(8, 16);
        Resource<VmSpec, dev.mvirt.api.model.VmStatus> vm =
                f.vm(Fixtures.vmSpec(1, 512).selector(VmSpec.NODE_ID, node.id()).build());
        f.ok(new Command.RebootVm(vm.id(), 0));
        var far = f.volume(other.id(), 1);
        assertInvalid(
                f.reject(update(vm, Fixtures.vmSpec(1, 512).volumes(far.id()).build())), "spec.volumes");
        Resource<VolumeSpec, ?> loose = f.ok(f.create(Fixtures.volumeSpec("", GIB)));
        Resource<VmSpec, ?> next =
                f.ok(update(vm, Fixtures.vmSpec(1, 512).volumes(loose.id()).build()));
        assertThat(next.spec().rebootGeneration()).isEqualTo(1);
        assertThat(f.state().volumes().get(loose.id()).orElseThrow().spec().node())
                .isEqualTo(node.id());
    }

    @Test
    void setLabelsReplacesLabelsOnly() {
        var net = f.network("10.0.0.0/24");
        Resource<NetworkSpec, ?> r = f.ok(new Command.SetLabels(Kind.NETWORK, net.id(), 0, Map.of("tier", "web")));
        assertThat(r.meta().labels()).containsExactly(Map.entry("tier", "web"));
        assertThat(r.spec()).isEqualTo(net.spec());
        assertThat(r.revision()).isEqualTo(f.index());
        assertInvalid(f.reject(new Command.SetLabels(Kind.NETWORK, net.id(), 0, Map.of("a b", "x"))), "labels.a b");
        assertNotFound(f.reject(new Command.SetLabels(Kind.NETWORK, Fixtures.uuid(999), 0, Map.of())));
    }

    @Test
    void vmJoiningAnAntiAffinityGroupMustNotShareItsNodeWithTheGroup() {
        var node = f.node(8, 16);
        f.vm(Fixtures.vmSpec(1, 512).group("db").build());
        Resource<VmSpec, ?> vm = f.vm(1, 512);
        assertThat(f.reject(update(vm, Fixtures.vmSpec(1, 512).group("db").build())))
                .isInstanceOfSatisfying(
                        Result.NoCapacity.class,
                        n -> assertThat(n.reasons())
                                .containsEntry(node.name(), "anti-affinity group db already has a VM here"));
        f.ok(update(vm, Fixtures.vmSpec(1, 512).group("web").build()));
    }

    @Test
    void vmHypervisorChangeMustBeOfferedByItsNode() {
        var node = f.node(8, 16);
        Resource<VmSpec, ?> vm = f.vm(1, 512);
        f.ok(new Command.RegisterNode(
                node.id(),
                node.name(),
                Map.of(),
                new dev.mvirt.api.model.NodeStatus(
                        dev.mvirt.api.model.NodePhase.READY,
                        "h",
                        "192.0.2.1",
                        8,
                        16384,
                        List.of(),
                        List.of("qemu"),
                        "t")));
        assertThat(f.reject(update(
                        vm,
                        Fixtures.vmSpec(1, 512).hypervisor("cloud-hypervisor").build())))
                .isInstanceOf(Result.NoCapacity.class);
        f.ok(update(vm, Fixtures.vmSpec(1, 512).hypervisor("qemu").build()));
    }
}
