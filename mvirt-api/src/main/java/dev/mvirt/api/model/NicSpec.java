package dev.mvirt.api.model;

import java.util.List;
import java.util.Optional;

/**
 * A virtual NIC on a network. {@code network} is the network's id. {@code mac}, {@code ipv4} and {@code ipv6} may
 * be given; the cluster fills in what is left empty (and what the network's families allow) when it creates the
 * NIC. {@code vm} is the id of the VM it is attached to, "" when detached; it is maintained by attach/detach.
 */
public record NicSpec(
        String network,
        String mac,
        String ipv4,
        String ipv6,
        List<String> routedPrefixes,
        List<String> securityGroups,
        String vm)
        implements Spec {
    public NicSpec {
        routedPrefixes = List.copyOf(routedPrefixes);
        securityGroups = List.copyOf(securityGroups);
    }

    @Override
    public Kind kind() {
        return Kind.NIC;
    }

    @Override
    public Optional<FieldError> validate() {
        return Check.first(
                () -> network.isEmpty() ? Check.fail("spec.network", "is required") : Optional.empty(),
                () -> Check.mac("spec.mac", mac),
                () -> ipv4.isEmpty() || Cidr.address(ipv4).isPresent()
                        ? Optional.empty()
                        : Check.fail("spec.ipv4", "must be an IPv4 address"),
                () -> ipv6.isEmpty() || Cidr.address(ipv6).isPresent()
                        ? Optional.empty()
                        : Check.fail("spec.ipv6", "must be an IPv6 address"),
                this::checkPrefixes,
                () -> securityGroups.size() > 16 ? Check.fail("spec.securityGroups", "at most 16") : Optional.empty());
    }

    /** A copy with resolved addresses. */
    public NicSpec withAddresses(String newMac, String newIpv4, String newIpv6) {
        return new NicSpec(network, newMac, newIpv4, newIpv6, routedPrefixes, securityGroups, vm);
    }

    /** A copy attached to {@code vmId} ("" detaches). */
    public NicSpec withVm(String vmId) {
        return new NicSpec(network, mac, ipv4, ipv6, routedPrefixes, securityGroups, vmId);
    }

    private Optional<FieldError> checkPrefixes() {
        if (routedPrefixes.size() > 16) {
            return Check.fail("spec.routedPrefixes", "at most 16");
        }
        for (int i = 0; i < routedPrefixes.size(); i++) {
            if (Cidr.parse(routedPrefixes.get(i)).isEmpty()) {
                return Check.fail("spec.routedPrefixes[" + i + "]", "must be a prefix with host bits zero");
            }
        }
        return Optional.empty();
    }
}
