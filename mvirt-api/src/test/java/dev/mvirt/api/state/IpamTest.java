package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpamTest {
    private final Fixtures f = new Fixtures();

    private Resource<NicSpec, ?> nic(String network, String ipv4, String ipv6) {
        return f.ok(f.create(Fixtures.nicSpec(network, ipv4, ipv6)));
    }

    private Result refuse(String network, String ipv4, String ipv6) {
        return f.reject(f.create(Fixtures.nicSpec(network, ipv4, ipv6)));
    }

    @Test
    void allocatesFromTheFirstHostAfterTheGateway() {
        var net = f.network("10.0.0.0/24");
        assertThat(f.nic(net.id()).spec().ipv4()).isEqualTo("10.0.0.2");
        assertThat(f.nic(net.id()).spec().ipv4()).isEqualTo("10.0.0.3");
        assertThat(f.state().addressHolder(net.id(), "10.0.0.2")).isPresent();
        assertThat(f.state().allocatedAddresses(net.id())).isEqualTo(2);
    }

    @Test
    void neverHandsOutTheBroadcastAddress() {
        var net = f.network("10.0.0.0/29"); // .0 network, .1 gateway, .2-.6 hosts, .7 broadcast
        List<String> got = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(f.nic(net.id()).spec().ipv4());
        }
        assertThat(got).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6");
        assertConflict(f.reject(f.create(Fixtures.nicSpec(net.id()))), "network_exhausted");
    }

    @Test
    void aSlashThirtyHoldsOneNicThenReportsExhaustion() {
        var net = f.network("192.168.7.0/30");
        assertThat(f.nic(net.id()).spec().ipv4()).isEqualTo("192.168.7.2");
        Result r = f.reject(f.create(Fixtures.nicSpec(net.id())));
        assertConflict(r, "network_exhausted");
        assertThat(((Result.Conflict) r).message()).contains("192.168.7.0/30");
    }

    @Test
    void explicitAddressesAreValidated() {
        var net = f.network("10.0.0.0/24");
        assertInvalid(refuse(net.id(), "10.0.1.5", ""), "spec.ipv4");
        assertInvalid(refuse(net.id(), "10.0.0.0", ""), "spec.ipv4");
        assertInvalid(refuse(net.id(), "10.0.0.1", ""), "spec.ipv4");
        assertInvalid(refuse(net.id(), "10.0.0.255", ""), "spec.ipv4");
        assertInvalid(refuse(net.id(), "fd00::5", ""), "spec.ipv4");
        assertInvalid(refuse(net.id(), "", "fd00::5"), "spec.ipv6");
        assertInvalid(refuse(net.id(), "10.0.0.999", ""), "spec.ipv4");
        var held = nic(net.id(), "10.0.0.50", "");
        assertThat(held.spec().ipv4()).isEqualTo("10.0.0.50");
        assertConflict(refuse(net.id(), "10.0.0.50", ""), "address_taken");
        // the allocator skips what was taken explicitly
        nic(net.id(), "10.0.0.2", "");
        assertThat(f.nic(net.id()).spec().ipv4()).isEqualTo("10.0.0.3");
    }

    @Test
    void explicitAddressesAreCanonicalised() {
        var net = f.network("fd00:1::/64");
        var a = nic(net.id(), "", "FD00:1:0:0::0010");
        assertThat(a.spec().ipv6()).isEqualTo("fd00:1::10");
        assertConflict(refuse(net.id(), "", "fd00:1::10"), "address_taken");
    }

    @Test
    void addressesAreUniqueAcrossNicsWhateverTheirHosts() {
        var a = f.node(8, 16);
        var b = f.node(8, 16);
        var net = f.network("10.0.0.0/24");
        var n1 = f.nic(net.id());
        var n2 = f.nic(net.id());
        f.vm(Fixtures.vmSpec(1, 512)
                .nics(n1.id())
                .selector(dev.mvirt.api.model.VmSpec.NODE_ID, a.id())
                .build());
        f.vm(Fixtures.vmSpec(1, 512)
                .nics(n2.id())
                .selector(dev.mvirt.api.model.VmSpec.NODE_ID, b.id())
                .build());
        assertThat(n1.spec().ipv4()).isNotEqualTo(n2.spec().ipv4());
        assertConflict(refuse(net.id(), n2.spec().ipv4(), ""), "address_taken");
        // the same address is fine on another network
        var other = f.network("10.0.0.0/24");
        assertThat(f.nic(other.id()).spec().ipv4()).isEqualTo(n1.spec().ipv4());
    }

    @Test
    void releasedOnNicDeleteAndReusedLowestFirst() {
        var net = f.network("10.0.0.0/24");
        var n1 = f.nic(net.id());
        f.nic(net.id());
        f.ok(new Command.Delete(Kind.NIC, n1.id(), 0, false));
        assertThat(f.state().addressHolder(net.id(), "10.0.0.2")).isEmpty();
        assertThat(f.nic(net.id()).spec().ipv4()).isEqualTo("10.0.0.2");
    }

    @Test
    void releasedOnForcedNetworkDelete() {
        var net = f.network("10.0.0.0/30");
        f.nic(net.id());
        f.ok(new Command.Delete(Kind.NETWORK, net.id(), 0, true));
        assertThat(f.state().allocatedAddresses(net.id())).isZero();
        var again = f.network("10.0.0.0/30");
        assertThat(f.nic(again.id()).spec().ipv4()).isEqualTo("10.0.0.2");
    }

    @Test
    void ipv6AllocatesSkippingTheSubnetRouterAndGateway() {
        var net = f.network("fd00::/64");
        assertThat(f.nic(net.id()).spec().ipv6()).isEqualTo("fd00::2");
        assertThat(f.nic(net.id()).spec().ipv6()).isEqualTo("fd00::3");
        assertInvalid(refuse(net.id(), "", "fd00::"), "spec.ipv6");
        assertInvalid(refuse(net.id(), "", "fd00::1"), "spec.ipv6");
        assertInvalid(refuse(net.id(), "", "fd01::5"), "spec.ipv6");
        assertThat(f.nic(net.id()).spec().ipv4()).isEmpty();
    }

    @Test
    void ipv6ExhaustionOfASmallPrefix() {
        var net = f.network("fd00::/120"); // 256 addresses, ::0 and ::1 reserved, ::ff usable (no broadcast in v6)
        String last = "";
        for (int i = 0; i < 254; i++) {
            last = f.nic(net.id()).spec().ipv6();
        }
        assertThat(last).isEqualTo("fd00::ff");
        assertConflict(f.reject(f.create(Fixtures.nicSpec(net.id()))), "network_exhausted");
    }

    @Test
    void dualStackGetsBothFamilies() {
        var net = f.<Resource<NetworkSpec, ?>>ok(
                f.create(new NetworkSpec("10.0.0.0/24", "fd00::/64", List.of(), List.of(), false)));
        var nic = f.nic(net.id());
        assertThat(nic.spec().ipv4()).isEqualTo("10.0.0.2");
        assertThat(nic.spec().ipv6()).isEqualTo("fd00::2");
        assertThat(f.state().allocatedAddresses(net.id())).isEqualTo(2);
        f.ok(new Command.Delete(Kind.NIC, nic.id(), 0, false));
        assertThat(f.state().allocatedAddresses(net.id())).isZero();
    }

    @Test
    void exhaustionOfOneFamilyRefusesTheWholeNic() {
        var net = f.<Resource<NetworkSpec, ?>>ok(
                f.create(new NetworkSpec("10.0.0.0/30", "fd00::/64", List.of(), List.of(), false)));
        f.nic(net.id());
        assertConflict(f.reject(f.create(Fixtures.nicSpec(net.id()))), "network_exhausted");
        assertThat(f.state().allocatedAddresses(net.id())).isEqualTo(2);
    }
}
