package dev.mvirt.api.model;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IPv4 or IPv6 prefix such as {@code 10.0.0.0/24}, parsed without any name lookup. Addresses are handled as
 * unsigned integers so that IPAM can count and compare them.
 */
public record Cidr(boolean v4, BigInteger network, int prefixLength) {

    /** Parses {@code ADDRESS/LENGTH}; the address must be the network address (host bits zero). */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        Optional<InetAddress> addr = address(text.substring(0, slash));
        if (addr.isEmpty()) {
            return Optional.empty();
        }
        boolean v4 = addr.get() instanceof Inet4Address;
        int len;
        try {
            len = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (len < 0 || len > (v4 ? 32 : 128)) {
            return Optional.empty();
        }
        BigInteger n = new BigInteger(1, addr.get().getAddress());
        Cidr c = new Cidr(v4, n, len);
        return c.hostBits(n).signum() == 0 ? Optional.of(c) : Optional.empty();
    }

    /** Parses a single address literal (no lookups). */
    public static Optional<InetAddress> address(String text) {
        if (text.isEmpty() || text.length() > 45 || !text.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddresses.forString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The number of addresses in the prefix. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(bits() - prefixLength);
    }

    /** True when {@code addr} is of this family and inside the prefix. */
    public boolean contains(InetAddress addr) {
        return (addr instanceof Inet4Address) == v4
                && toInt(addr).subtract(network).signum() >= 0
                && toInt(addr).subtract(network).compareTo(size()) < 0;
    }

    /** The address at {@code offset} from the network address, as text. */
    public String at(BigInteger offset) {
        byte[] raw = network.add(offset).toByteArray();
        byte[] out = new byte[v4 ? 4 : 16];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(out));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("address of wrong length", e);
        }
    }

    /** The offset of {@code addr} from the network address. */
    public BigInteger offsetOf(InetAddress addr) {
        return toInt(addr).subtract(network);
    }

    /** The gateway: the first host address of the prefix. */
    public String gateway() {
        return at(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return at(BigInteger.ZERO) + "/" + prefixLength;
    }

    private int bits() {
        return v4 ? 32 : 128;
    }

    private BigInteger hostBits(BigInteger n) {
        return n.and(size().subtract(BigInteger.ONE));
    }

    private static BigInteger toInt(InetAddress addr) {
        return new BigInteger(1, addr.getAddress());
    }
}
