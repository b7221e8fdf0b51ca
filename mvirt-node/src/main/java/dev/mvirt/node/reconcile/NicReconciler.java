package dev.mvirt.node.reconcile;

import dev.mvirt.node.cache.DesiredCache;
import dev.mvirt.node.cache.Key;
import dev.mvirt.node.daemon.NetDaemon;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.NicDesired;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.ResourceObserved;
import java.util.Collection;
import java.util.Optional;

/** NICs: a TAP per desired NIC (once its network is set up here), removed when no longer desired. */
public final class NicReconciler implements Reconciler {
    private final DesiredCache cache;
    private final NetDaemon net;
    private final StatusSink sink;

    public NicReconciler(DesiredCache cache, NetDaemon net, StatusSink sink) {
        this.cache = cache;
        this.net = net;
        this.sink = sink;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.RESOURCE_KIND_NIC;
    }

    @Override
    public Collection<String> observed() {
        return net.nicIds();
    }

    @Override
    public void reconcile(String id) {
        Optional<DesiredResource> want = cache.get(new Key(kind(), id));
        if (want.isEmpty()) {
            net.deleteNic(id);
            return;
        }
        NicDesired d = want.get().getNic();
        NetDaemon.NicState s = net.ensureNic(
                id,
                new NetDaemon.NicRequest(
                        d.getNetwork(), d.getMac(), d.getIpv4(), d.getIpv6(), d.getSecurityGroupsList()));
        sink.report(Statuses.resource(
                kind(), id, ResourceObserved.newBuilder().setPhase("READY").setTap(s.tap())));
    }
}
