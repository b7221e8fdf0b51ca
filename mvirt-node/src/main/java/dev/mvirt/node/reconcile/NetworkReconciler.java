package dev.mvirt.node.reconcile;

import dev.mvirt.node.cache.DesiredCache;
import dev.mvirt.node.cache.Key;
import dev.mvirt.node.daemon.NetDaemon;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.NetworkDesired;
import dev.mvirt.proto.node.v1.ResourceKind;
import java.util.Collection;
import java.util.Optional;

/**
 * Networks used by this host's NICs: set up in the datapath, torn down when no NIC here uses them. Networks have
 * no status of their own, so nothing is reported.
 */
public final class NetworkReconciler implements Reconciler {
    private final DesiredCache cache;
    private final NetDaemon net;

    public NetworkReconciler(DesiredCache cache, NetDaemon net) {
        this.cache = cache;
        this.net = net;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.RESOURCE_KIND_NETWORK;
    }

    @Override
    public Collection<String> observed() {
        return net.networkIds();
    }

    @Override
    public void reconcile(String id) {
        Optional<DesiredResource> want = cache.get(new Key(kind(), id));
        if (want.isEmpty()) {
            net.deleteNetwork(id);
            return;
        }
        NetworkDesired d = want.get().getNetwork();
        net.ensureNetwork(
                id,
                new NetDaemon.NetworkRequest(
                        d.getIpv4Cidr(), d.getIpv6Cidr(), d.getDnsList(), d.getNtpList(), d.getNat()));
    }
}
