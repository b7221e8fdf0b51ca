package dev.mvirt.api.model;

import java.util.Optional;

/**
 * One security group rule: traffic in {@code direction} with {@code protocol} on ports {@code portFrom..portTo}
 * (0..0 for any) from or to either {@code cidr} or members of the security group {@code peerGroup} (an id).
 */
public record Rule(Direction direction, Protocol protocol, int portFrom, int portTo, String cidr, String peerGroup) {

    /** Traffic direction as seen from the VM. */
    public enum Direction {
        INGRESS,
        EGRESS
    }

    /** IP protocol a rule matches. */
    public enum Protocol {
        ANY,
        TCP,
        UDP,
        ICMP,
        ICMPV6
    }

    /** The first problem with this rule; {@code field} is its path, such as {@code spec.rules[2]}. */
    public Optional<FieldError> validate(String field) {
        return Check.first(
                () -> Check.range(field + ".portFrom", portFrom, 0, 65535),
                () -> Check.range(field + ".portTo", portTo, portFrom, 65535),
                () -> (protocol == Protocol.TCP || protocol == Protocol.UDP) || (portFrom == 0 && portTo == 0)
                        ? Optional.empty()
                        : Check.fail(field + ".portFrom", "ports apply to tcp and udp only"),
                () -> !cidr.isEmpty() && !peerGroup.isEmpty()
                        ? Check.fail(field + ".peerGroup", "give either cidr or peerGroup, not both")
                        : Optional.empty(),
                () -> cidr.isEmpty() || Cidr.parse(cidr).isPresent()
                        ? Optional.empty()
                        : Check.fail(field + ".cidr", "must be a prefix with host bits zero"));
    }
}
