package dev.mvirt.api.state;

import dev.mvirt.api.model.Cidr;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Address allocation inside one prefix. The network address, the gateway (first host) and, for IPv4, the
 * broadcast address are never handed out. Pure: the caller says which addresses are taken.
 */
final class Ipam {
    /** IPv6 prefixes are searched this far from the start; a /64 is never exhausted in practice. */
    private static final BigInteger V6_SEARCH_LIMIT = BigInteger.valueOf(1 << 20);

    private Ipam() {}

    /** The lowest free host address, or empty when the prefix is exhausted. */
    static Optional<String> allocate(Cidr prefix, Predicate<String> taken) {
        BigInteger last = lastUsable(prefix);
        for (BigInteger off = BigInteger.TWO; off.compareTo(last) <= 0; off = off.add(BigInteger.ONE)) {
            String a = prefix.at(off);
            if (!taken.test(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Why {@code address} cannot be used in {@code prefix}, or empty when it can (taken-ness is checked apart). */
    static Optional<String> refuse(Cidr prefix, String address) {
        Optional<InetAddress> a = Cidr.address(address);
        if (a.isEmpty() || !prefix.contains(a.get())) {
            return Optional.of("is not inside " + prefix);
        }
        BigInteger off = prefix.offsetOf(a.get());
        if (off.signum() == 0) {
            return Optional.of("is the network address");
        }
        if (off.equals(BigInteger.ONE)) {
            return Optional.of("is the gateway address");
        }
        if (prefix.v4() && off.equals(prefix.size().subtract(BigInteger.ONE))) {
            return Optional.of("is the broadcast address");
        }
        return Optional.empty();
    }

    /** The canonical text of an address literal (so "10.0.0.05"-like variants cannot dodge the taken check). */
    static String canonical(String address) {
        return Cidr.address(address)
                .map(com.google.common.net.InetAddresses::toAddrString)
                .orElse(address);
    }

    private static BigInteger lastUsable(Cidr prefix) {
        BigInteger last = prefix.size().subtract(prefix.v4() ? BigInteger.TWO : BigInteger.ONE);
        return prefix.v4() ? last : last.min(V6_SEARCH_LIMIT);
    }
}
