package dev.mvirt.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Settings;
import dev.mvirt.api.model.VmSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A snapshot-style round trip: restore(revision, resources, settings, idempotency) is the same state. */
class RestoreTest {
    private final Fixtures f = new Fixtures();

    private static ClusterState roundTrip(ClusterState s) {
        return ClusterState.restore(s.revision(), s.allResources(), s.settings(), s.idempotencyRecords());
    }

    /** A cluster with one of everything, some of it changed and deleted. */
    private void populate() {
        var a = f.node("a", 8, 16, Map.of("zone", "1"));
        var b = f.node("b", 8, 16, Map.of());
        f.done(new Command.SetSettings(Map.of(Settings.SCHEDULER_STRATEGY, "binpack", "feature.x", "true")));
        var net = f.network("10.0.0.0/24");
        var v6 = f.network("fd00::/64");
        var n1 = f.nic(net.id());
        var n2 = f.nic(net.id());
        f.nic(v6.id());
        f.ok(new Command.Delete(Kind.NIC, n1.id(), 0, false));
        var vol = f.volume(a.id(), 2);
        f.ok(new Command.CreateSnapshot(vol.id(), "s1"));
        f.template(b.id());
        f.securityGroup();
        f.project("team-a");
        f.vm(Fixtures.vmSpec(2, 1024).bootVolume(vol.id()).nics(n2.id()).build());
        f.vm(Fixtures.vmSpec(1, 512).selector(VmSpec.NODE_ID, b.id()).group("g").build());
        var gone = f.vm(1, 256);
        f.ok(new Command.Delete(Kind.VM, gone.id(), 0, false));
        f.ok(new Command.AcquireLock(f.id(), "leader", "api-1", 60_000));
        f.apply(f.create(Fixtures.networkSpec("10.1.0.0/24")), "key-1", "hash-1");
    }

    @Test
    void reproducesResourcesSettingsAndIdempotency() {
        populate();
        ClusterState s = f.state();
        ClusterState r = roundTrip(s);
        assertThat(r.revision()).isEqualTo(s.revision());
        assertThat(Fixtures.sorted(r.allResources())).isEqualTo(Fixtures.sorted(s.allResources()));
        assertThat(r.settings()).isEqualTo(s.settings());
        assertThat(r.idempotencyRecords()).containsExactlyInAnyOrderElementsOf(s.idempotencyRecords());
        for (Kind k : Kind.values()) {
            assertThat(r.table(k).size()).as(k.name()).isEqualTo(s.table(k).size());
            for (var res : s.table(k).all()) {
                assertThat(r.table(k).byName(res.meta().project(), res.name()))
                        .as("name index of %s", res.name())
                        .isPresent();
            }
        }
    }

    @Test
    void reproducesTheDerivedIndexes() {
        populate();
        ClusterState s = f.state();
        ClusterState r = roundTrip(s);
        for (var node : s.nodes().all()) {
            assertThat(r.usage(node.id())).as(node.name()).isEqualTo(s.usage(node.id()));
        }
        for (var net : s.networks().all()) {
            assertThat(r.allocatedAddresses(net.id())).isEqualTo(s.allocatedAddresses(net.id()));
        }
        for (var nic : s.nics().all()) {
            for (String a : new String[] {nic.spec().ipv4(), nic.spec().ipv6()}) {
                if (!a.isEmpty()) {
                    assertThat(r.addressHolder(nic.spec().network(), a)).contains(nic.id());
                }
            }
        }
    }

    @Test
    void behavesTheSameAfterwards() {
        populate();
        ClusterState s = f.state();
        Fixtures other = new Fixtures();
        // the same commands against the original and the restored state give the same results and events
        String net =
                s.networks().byName(Fixtures.DEFAULT, "network-1").orElseThrow().id();
        Command nic =
                new Command.Create(Fixtures.uuid(5000), Fixtures.DEFAULT, "next", Map.of(), Fixtures.nicSpec(net));
        Command vm = new Command.Create(
                Fixtures.uuid(5001),
                Fixtures.DEFAULT,
                "vm-next",
                Map.of(),
                Fixtures.vmSpec(1, 512).group("g").build());
        Envelope e1 = f.envelope(nic);
        Envelope e2 = f.envelope(vm);
        var placer = new dev.mvirt.api.scheduler.Scheduler();
        Applied a1 = s.apply(s.revision() + 1, e1, placer);
        Applied b1 = roundTrip(s).apply(s.revision() + 1, e1, placer);
        assertThat(b1.result()).isEqualTo(a1.result());
        assertThat(b1.events()).isEqualTo(a1.events());
        assertThat(((Result.Ok) b1.result()).resource().spec())
                .extracting("ipv4")
                .isEqualTo("10.0.0.2");
        Applied a2 = a1.state().apply(s.revision() + 2, e2, placer);
        Applied b2 = roundTrip(b1.state()).apply(s.revision() + 2, e2, placer);
        assertThat(b2.result()).isEqualTo(a2.result());
        assertThat(b2.events()).isEqualTo(a2.events());
        assertThat(other.state().revision()).isZero();
    }

    @Test
    void theEmptyStateRoundTrips() {
        ClusterState r = roundTrip(ClusterState.empty());
        assertThat(r.allResources()).isEqualTo(ClusterState.empty().allResources());
        assertThat(r.projects().byName("", ClusterState.DEFAULT_PROJECT)).isPresent();
    }
}
