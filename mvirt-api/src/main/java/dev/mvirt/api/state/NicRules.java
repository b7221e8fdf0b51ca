package dev.mvirt.api.state;

import dev.mvirt.api.model.Cidr;
import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.ResourcePhase;
import java.util.Optional;

/** Creating NICs: the network and security groups exist, and MAC and addresses are allocated cluster-wide. */
final class NicRules {
    private NicRules() {}

    static Result create(Tx tx, Meta meta, NicSpec s) {
        var net = tx.view()
                .networks()
                .get(s.network())
                .filter(n -> n.meta().project().equals(meta.project()));
        if (net.isEmpty()) {
            return Rules.invalid("spec.network", "no network " + s.network() + " in project " + meta.project());
        }
        if (!s.vm().isEmpty()) {
            return Rules.invalid("spec.vm", "attach a NIC through the VM or the attach call");
        }
        Optional<Result> bad = SecurityGroupRefs.checkList(tx, meta.project(), s.securityGroups())
                .or(() -> macTaken(tx, s));
        if (bad.isPresent()) {
            return bad.get();
        }
        NetworkSpec n = net.get().spec();
        Address v4 = address(tx, n.ipv4(), s.network(), s.ipv4(), "spec.ipv4");
        if (v4 instanceof Address.Refused r) {
            return r.result();
        }
        Address v6 = address(tx, n.ipv6(), s.network(), s.ipv6(), "spec.ipv6");
        if (v6 instanceof Address.Refused r) {
            return r.result();
        }
        String mac = s.mac().isEmpty() ? macFor(meta.id()) : s.mac();
        NicSpec spec = s.withAddresses(mac, ((Address.Got) v4).address(), ((Address.Got) v6).address());
        return CreateRules.ok(tx.put(new Resource<>(meta, spec, new NicStatus(ResourcePhase.PENDING, "", "", ""))));
    }

    /** A locally administered unicast MAC derived from the NIC id, so every replica computes the same one. */
    static String macFor(String id) {
        String hex = id.replace("-", "");
        String tail = hex.substring(hex.length() - 10);
        StringBuilder b = new StringBuilder("02");
        for (int i = 0; i < 10; i += 2) {
            b.append(':').append(tail, i, i + 2);
        }
        return b.toString();
    }

    private sealed interface Address {
        record Got(String address) implements Address {}

        record Refused(Result result) implements Address {}
    }

    private static Address address(Tx tx, Optional<Cidr> prefix, String networkId, String wanted, String field) {
        if (prefix.isEmpty()) {
            return wanted.isEmpty()
                    ? new Address.Got("")
                    : new Address.Refused(Rules.invalid(field, "the network has no such address family"));
        }
        ClusterState view = tx.view();
        if (wanted.isEmpty()) {
            return Ipam.allocate(
                            prefix.get(), a -> view.addressHolder(networkId, a).isPresent())
                    .<Address>map(Address.Got::new)
                    .orElseGet(() -> new Address.Refused(Rules.conflict(
                            "network_exhausted", "no free address left in " + prefix.get() + " (" + field + ")")));
        }
        String canonical = Ipam.canonical(wanted);
        Optional<String> why = Ipam.refuse(prefix.get(), canonical);
        if (why.isPresent()) {
            return new Address.Refused(Rules.invalid(field, canonical + " " + why.get()));
        }
        return view.addressHolder(networkId, canonical)
                .<Address>map(holder ->
                        new Address.Refused(Rules.conflict("address_taken", canonical + " is held by NIC " + holder)))
                .orElseGet(() -> new Address.Got(canonical));
    }

    private static Optional<Result> macTaken(Tx tx, NicSpec s) {
        if (s.mac().isEmpty()) {
            return Optional.empty();
        }
        return tx.view().nics().all().stream()
                .filter(n ->
                        n.spec().network().equals(s.network()) && n.spec().mac().equals(s.mac()))
                .findFirst()
                .map(n -> Rules.conflict("mac_taken", s.mac() + " is used by NIC " + n.id()));
    }
}
