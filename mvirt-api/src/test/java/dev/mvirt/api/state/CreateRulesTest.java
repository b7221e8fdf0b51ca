package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.DEFAULT;
import static dev.mvirt.api.state.Fixtures.GIB;
import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static dev.mvirt.api.state.Fixtures.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.LockSpec;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.ResourcePhase;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VolumeSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateRulesTest {
    private final Fixtures f = new Fixtures();

    @Test
    void createsEveryKindWithMetaFromTheCommand() {
        var node = f.node(8, 16);
        var project = f.project("team-a");
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        var vol = f.volume(node.id(), 10);
        var tpl = f.template(node.id());
        var sg = f.securityGroup();
        var vm = f.vm(2, 1024);

        assertThat(project.meta().project()).isEmpty();
        assertThat(net.meta().project()).isEqualTo(DEFAULT);
        assertThat(net.meta().createdAt()).isEqualTo(Fixtures.T0);
        assertThat(nic.spec().ipv4()).isEqualTo("10.0.0.2");
        assertThat(nic.spec().mac()).startsWith("02:");
        assertThat(vol.status().phase()).isEqualTo(ResourcePhase.PENDING);
        assertThat(tpl.spec().node()).isEqualTo(node.id());
        assertThat(sg.status().phase()).isEqualTo(ResourcePhase.PENDING);
        assertThat(vm.status().phase()).isEqualTo(VmPhase.SCHEDULED);
        assertThat(vm.status().node()).isEqualTo(node.id());
        assertThat(vm.revision()).isEqualTo(f.index());
        assertThat(f.state().vms().get(vm.id())).contains(vm);
        assertThat(f.state().get(Kind.VM, vm.id())).isPresent();
        assertThat(f.events()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Event.Type.CREATED);
            assertThat(e.resource()).isEqualTo(vm);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "..", "a..b", "-lead", ".hidden", "tab\there", "nl\n", "del\u007f", "ümlaut"})
    void refusesBadNames(String name) {
        assertInvalid(f.reject(f.create(name, Fixtures.networkSpec("10.0.0.0/24"))), "name");
    }

    @Test
    void refusesNamesOverSixtyThreeCharacters() {
        assertInvalid(f.reject(f.create("a".repeat(64), Fixtures.networkSpec("10.0.0.0/24"))), "name");
        f.ok(f.create("a".repeat(63), Fixtures.networkSpec("10.0.0.0/24")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "00000000-0000-4000-8000-00000000000G", "../../etc/passwd"})
    void refusesBadIds(String id) {
        var c = new Command.Create(id, DEFAULT, "net", Map.of(), Fixtures.networkSpec("10.0.0.0/24"));
        assertInvalid(f.reject(c), "id");
    }

    @Test
    void refusesUppercaseIds() {
        var c = new Command.Create(
                "ABCDEF00-0000-4000-8000-000000000001", DEFAULT, "net", Map.of(), Fixtures.networkSpec("10.0.0.0/24"));
        assertInvalid(f.reject(c), "id");
    }

    @Test
    void refusesBadLabels() {
        var spec = Fixtures.networkSpec("10.0.0.0/24");
        assertInvalid(f.reject(new Command.Create(f.id(), DEFAULT, "n", Map.of("-x", "1"), spec)), "labels.-x");
        assertInvalid(f.reject(new Command.Create(f.id(), DEFAULT, "n", Map.of("k", "a b"), spec)), "labels.k");
        assertInvalid(f.reject(new Command.Create(f.id(), DEFAULT, "n", Map.of("a..b", "1"), spec)), "labels.a..b");
        assertThat(f.reject(new Command.Create(f.id(), DEFAULT, "n", Map.of("k\n", "1"), spec)))
                .isInstanceOfSatisfying(
                        Result.Invalid.class, i -> assertThat(i.error().field()).isEqualTo("labels.k?"));
        f.ok(new Command.Create(f.id(), DEFAULT, "n", Map.of("tier", "web", "example.com/team", ""), spec));
    }

    @Test
    void refusesAnUnknownProjectOrAProjectOnAClusterWideKind() {
        var spec = Fixtures.networkSpec("10.0.0.0/24");
        assertNotFound(f.reject(new Command.Create(f.id(), "nope", "n", Map.of(), spec)));
        assertInvalid(f.reject(new Command.Create(f.id(), "", "n", Map.of(), spec)), "project");
        assertInvalid(f.reject(new Command.Create(f.id(), "a/b", "n", Map.of(), spec)), "project");
        assertInvalid(f.reject(new Command.Create(f.id(), DEFAULT, "p", Map.of(), new ProjectSpec(""))), "project");
        f.project("team-a");
        f.ok(new Command.Create(f.id(), "team-a", "n", Map.of(), spec));
    }

    @Test
    void nodesAndLocksAreNotCreatedThisWay() {
        assertInvalid(f.reject(f.create("n", new NodeSpec(false, false))), "spec");
        assertInvalid(f.reject(f.create("l", new LockSpec("me", 1000))), "spec");
    }

    @Test
    void namesAreUniquePerKindWithinAProject() {
        f.ok(f.create("web", Fixtures.networkSpec("10.0.0.0/24")));
        assertConflict(f.reject(f.create("web", Fixtures.networkSpec("10.0.1.0/24"))), "name_taken");
        f.project("team-a");
        f.ok(new Command.Create(f.id(), "team-a", "web", Map.of(), Fixtures.networkSpec("10.0.1.0/24")));
        f.ok(f.create("web", new SecurityGroupSpec("", List.of())));
    }

    @Test
    void idsAreUniquePerKind() {
        var net = f.network("10.0.0.0/24");
        var again = new Command.Create(net.id(), DEFAULT, "other", Map.of(), Fixtures.networkSpec("10.0.1.0/24"));
        assertConflict(f.reject(again), "id_taken");
    }

    @Test
    void refusesAnInvalidSpecNamingTheField() {
        assertInvalid(f.reject(f.create(Fixtures.networkSpec("10.0.0.1/24"))), "spec.ipv4Cidr");
        assertInvalid(f.reject(f.create(Fixtures.vmSpec(0, 512).build())), "spec.vcpus");
        assertInvalid(f.reject(f.create(Fixtures.volumeSpec("", 1))), "spec.sizeBytes");
    }

    @Test
    void nicNeedsANetworkInItsProjectAndExistingSecurityGroups() {
        assertInvalid(f.reject(f.create(Fixtures.nicSpec(Fixtures.uuid(999)))), "spec.network");
        f.project("team-a");
        var other = f.ok(new Command.Create(f.id(), "team-a", "n", Map.of(), Fixtures.networkSpec("10.0.0.0/24")));
        assertInvalid(f.reject(f.create(Fixtures.nicSpec(other.id()))), "spec.network");
        var net = f.network("10.1.0.0/24");
        var withSg = new dev.mvirt.api.model.NicSpec(net.id(), "", "", "", List.of(), List.of(Fixtures.uuid(998)), "");
        assertInvalid(f.reject(f.create(withSg)), "spec.securityGroups[0]");
        var attached = Fixtures.nicSpec(net.id()).withVm(Fixtures.uuid(997));
        assertInvalid(f.reject(f.create(attached)), "spec.vm");
    }

    @Test
    void nicMacIsDerivedOrCheckedFree() {
        var net = f.network("10.0.0.0/24");
        var a = f.nic(net.id());
        var b = f.nic(net.id());
        assertThat(a.spec().mac()).isNotEqualTo(b.spec().mac());
        var same = Fixtures.nicSpec(net.id()).withAddresses(a.spec().mac(), "", "");
        assertConflict(f.reject(f.create(same)), "mac_taken");
        var explicit = Fixtures.nicSpec(net.id()).withAddresses("02:aa:bb:cc:dd:ee", "", "");
        assertThat(f.<dev.mvirt.api.model.Resource<?, ?>>ok(f.create(explicit)).spec())
                .extracting("mac")
                .isEqualTo("02:aa:bb:cc:dd:ee");
    }

    @Test
    void volumeChecksNodeAndTemplate() {
        var node = f.node(8, 16);
        var other = f.node(8, 16);
        assertInvalid(f.reject(f.create(Fixtures.volumeSpec(Fixtures.uuid(999), GIB))), "spec.node");
        var tpl = f.template(node.id());
        var clone = new VolumeSpec("", GIB, tpl.id(), "", List.of(), "", 0);
        var made = f.<dev.mvirt.api.model.Resource<VolumeSpec, ?>>ok(f.create(clone));
        assertThat(made.spec().node()).isEqualTo(node.id());
        var wrongNode = new VolumeSpec(other.id(), GIB, tpl.id(), "", List.of(), "", 0);
        assertInvalid(f.reject(f.create(wrongNode)), "spec.node");
        var noTpl = new VolumeSpec("", GIB, Fixtures.uuid(999), "", List.of(), "", 0);
        assertInvalid(f.reject(f.create(noTpl)), "spec.template");
        var withSnap = new VolumeSpec("", GIB, "", "", List.of(new dev.mvirt.api.model.Snapshot("s", 0)), "", 0);
        assertInvalid(f.reject(f.create(withSnap)), "spec.snapshots");
        var unpinned = f.<dev.mvirt.api.model.Resource<VolumeSpec, ?>>ok(f.create(Fixtures.volumeSpec("", GIB)));
        assertThat(unpinned.spec().node()).isEmpty();
    }

    @Test
    void templateNeedsAKnownNodeAndACleanSource() {
        assertInvalid(f.reject(f.create(new TemplateSpec(Fixtures.uuid(999), "/srv/a.raw", "raw"))), "spec.node");
        var node = f.node(8, 16);
        assertInvalid(f.reject(f.create(new TemplateSpec(node.id(), "/srv/../etc/shadow", "raw"))), "spec.source");
        assertInvalid(f.reject(f.create(new TemplateSpec(node.id(), "relative.raw", "raw"))), "spec.source");
        assertInvalid(f.reject(f.create(new TemplateSpec(node.id(), "/srv/-rf", "raw"))), "spec.source");
        assertInvalid(f.reject(f.create(new TemplateSpec(node.id(), "https://x/a b", "raw"))), "spec.source");
        assertInvalid(f.reject(f.create(new TemplateSpec(node.id(), "/srv/a.raw", "vmdk"))), "spec.format");
        f.ok(f.create(new TemplateSpec(node.id(), "https://example.com/debian.qcow2", "qcow2")));
    }

    @Test
    void securityGroupPeersMustExistInTheProject() {
        var peerRule = new Rule(Rule.Direction.INGRESS, Rule.Protocol.TCP, 22, 22, "", Fixtures.uuid(999));
        assertInvalid(f.reject(f.create(new SecurityGroupSpec("", List.of(peerRule)))), "spec.rules[0].peerGroup");
        var peer = f.securityGroup();
        var ok = new Rule(Rule.Direction.INGRESS, Rule.Protocol.TCP, 22, 22, "", peer.id());
        f.ok(f.create(new SecurityGroupSpec("", List.of(ok))));
        var self = f.id();
        var selfRule = new Rule(Rule.Direction.INGRESS, Rule.Protocol.ANY, 0, 0, "", self);
        f.ok(new Command.Create(self, DEFAULT, "self", Map.of(), new SecurityGroupSpec("", List.of(selfRule))));
        var badPorts = new Rule(Rule.Direction.INGRESS, Rule.Protocol.ICMP, 1, 2, "", "");
        assertInvalid(f.reject(f.create(new SecurityGroupSpec("", List.of(badPorts)))), "spec.rules[0].portFrom");
    }

    @Test
    void vmChecksVolumesAndNics() {
        var node = f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var nic = f.nic(net.id());
        var vol = f.volume(node.id(), 10);
        assertInvalid(
                f.reject(f.create(
                        Fixtures.vmSpec(1, 512).volumes(Fixtures.uuid(999)).build())),
                "spec.volumes[0]");
        assertInvalid(
                f.reject(f.create(
                        Fixtures.vmSpec(1, 512).nics(Fixtures.uuid(999)).build())),
                "spec.nics[0]");
        assertInvalid(
                f.reject(f.create(
                        Fixtures.vmSpec(1, 512).volumes(vol.id(), vol.id()).build())),
                "spec.volumes");
        assertInvalid(
                f.reject(f.create(
                        Fixtures.vmSpec(1, 512).nics(nic.id(), nic.id()).build())),
                "spec.nics");
        var badBoot = new dev.mvirt.api.model.VmSpec(
                1,
                512,
                new dev.mvirt.api.model.Boot("", "", "", vol.id()),
                List.of(),
                List.of(),
                "",
                List.of(),
                Map.of(),
                "",
                "",
                dev.mvirt.api.model.VmSpec.DesiredState.RUNNING,
                dev.mvirt.api.model.VmSpec.StopMode.GRACEFUL,
                0);
        assertInvalid(f.reject(f.create(badBoot)), "spec.boot.volume");

        var vm =
                f.vm(Fixtures.vmSpec(1, 512).bootVolume(vol.id()).nics(nic.id()).build());
        assertThat(f.state().nics().get(nic.id()).orElseThrow().spec().vm()).isEqualTo(vm.id());
        assertConflict(
                f.reject(f.create(Fixtures.vmSpec(1, 512).volumes(vol.id()).build())), "volume_in_use");
        assertConflict(f.reject(f.create(Fixtures.vmSpec(1, 512).nics(nic.id()).build())), "nic_attached");
    }

    @Test
    void vmPinsItsUnpinnedVolumesToItsNode() {
        var node = f.node(8, 16);
        var vol = f.<dev.mvirt.api.model.Resource<VolumeSpec, ?>>ok(f.create(Fixtures.volumeSpec("", GIB)));
        f.vm(Fixtures.vmSpec(1, 512).volumes(vol.id()).build());
        assertThat(f.state().volumes().get(vol.id()).orElseThrow().spec().node())
                .isEqualTo(node.id());
    }

    @Test
    void vmWithoutCapacityIsRefusedWithReasonsPerNode() {
        f.node("small", 1, 1, Map.of());
        var r = f.reject(f.create(Fixtures.vmSpec(64, 512).build()));
        assertThat(r)
                .isInstanceOfSatisfying(
                        Result.NoCapacity.class,
                        n -> assertThat(n.reasons())
                                .containsOnlyKeys("small")
                                .hasEntrySatisfying(
                                        "small", why -> assertThat(why).contains("CPU")));
    }
}
