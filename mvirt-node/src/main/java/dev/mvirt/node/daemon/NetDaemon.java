package dev.mvirt.node.daemon;

import java.util.List;
import java.util.Optional;

/**
 * The host's network daemon (mvirt-net) as the network, NIC and security group reconcilers use it. Only a fake
 * exists until mvirt-net is built. {@code ensure*} converge and are idempotent; deleting what is absent is not an
 * error; failures are {@link DaemonException}s.
 */
public interface NetDaemon {

    /** A network's datapath settings. */
    record NetworkRequest(String ipv4Cidr, String ipv6Cidr, List<String> dns, List<String> ntp, boolean nat) {
        public NetworkRequest {
            dns = List.copyOf(dns);
            ntp = List.copyOf(ntp);
        }
    }

    /** A NIC: its network, MAC, addresses and security groups. */
    record NicRequest(String network, String mac, String ipv4, String ipv6, List<String> securityGroups) {
        public NicRequest {
            securityGroups = List.copyOf(securityGroups);
        }
    }

    /** A NIC on this host: its TAP device. */
    record NicState(String id, String tap) {}

    /** A security group rule, as text the datapath understands (direction, protocol, ports, peer). */
    record RuleRequest(String direction, String protocol, int portFrom, int portTo, String cidr, String peerGroup) {}

    void ensureNetwork(String id, NetworkRequest request);

    List<String> networkIds();

    void deleteNetwork(String id);

    /** Creates the NIC's TAP (the network must be ensured first) and answers it. */
    NicState ensureNic(String id, NicRequest request);

    Optional<NicState> nic(String id);

    List<String> nicIds();

    void deleteNic(String id);

    void ensureSecurityGroup(String id, List<RuleRequest> rules);

    List<String> securityGroupIds();

    void deleteSecurityGroup(String id);
}
