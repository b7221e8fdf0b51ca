package dev.mvirt.api.model;

import java.util.List;
import java.util.Optional;

/**
 * A virtual network: an IPv4 and/or IPv6 prefix ("" when absent), DNS and NTP servers handed out by DHCP/RA,
 * and whether it is {@code nat} (public: NATed to the uplink).
 */
public record NetworkSpec(String ipv4Cidr, String ipv6Cidr, List<String> dns, List<String> ntp, boolean nat)
        implements Spec {
    public NetworkSpec {
        dns = List.copyOf(dns);
        ntp = List.copyOf(ntp);
    }

    @Override
    public Kind kind() {
        return Kind.NETWORK;
    }

    @Override
    public Optional<FieldError> validate() {
        if (ipv4Cidr.isEmpty() && ipv6Cidr.isEmpty()) {
            return Check.fail("spec.ipv4Cidr", "a network needs an IPv4 or an IPv6 prefix");
        }
        return Check.first(
                () -> prefix("spec.ipv4Cidr", ipv4Cidr, true),
                () -> prefix("spec.ipv6Cidr", ipv6Cidr, false),
                () -> addresses("spec.dns", dns),
                () -> addresses("spec.ntp", ntp));
    }

    /** The IPv4 prefix, if any. */
    public Optional<Cidr> ipv4() {
        return ipv4Cidr.isEmpty() ? Optional.empty() : Cidr.parse(ipv4Cidr);
    }

    /** The IPv6 prefix, if any. */
    public Optional<Cidr> ipv6() {
        return ipv6Cidr.isEmpty() ? Optional.empty() : Cidr.parse(ipv6Cidr);
    }

    private static Optional<FieldError> prefix(String field, String text, boolean v4) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Cidr> c = Cidr.parse(text);
        if (c.isEmpty() || c.get().v4() != v4) {
            return Check.fail(field, "must be an " + (v4 ? "IPv4" : "IPv6") + " prefix with host bits zero");
        }
        int len = c.get().prefixLength();
        return v4 ? Check.range(field + ".length", len, 8, 30) : Check.range(field + ".length", len, 48, 120);
    }

    private static Optional<FieldError> addresses(String field, List<String> list) {
        if (list.size() > 8) {
            return Check.fail(field, "at most 8 servers");
        }
        for (int i = 0; i < list.size(); i++) {
            if (Cidr.address(list.get(i)).isEmpty()) {
                return Check.fail(field + "[" + i + "]", "must be an IP address");
            }
        }
        return Optional.empty();
    }
}
