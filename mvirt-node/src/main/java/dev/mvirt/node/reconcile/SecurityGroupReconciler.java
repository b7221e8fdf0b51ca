package dev.mvirt.node.reconcile;

import dev.mvirt.node.cache.DesiredCache;
import dev.mvirt.node.cache.Key;
import dev.mvirt.node.daemon.NetDaemon;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.ResourceObserved;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Security groups used by this host's NICs: rules handed to the datapath; removed when no NIC uses them. */
public final class SecurityGroupReconciler implements Reconciler {
    private final DesiredCache cache;
    private final NetDaemon net;
    private final StatusSink sink;

    public SecurityGroupReconciler(DesiredCache cache, NetDaemon net, StatusSink sink) {
        this.cache = cache;
        this.net = net;
        this.sink = sink;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.RESOURCE_KIND_SECURITY_GROUP;
    }

    @Override
    public Collection<String> observed() {
        return net.securityGroupIds();
    }

    @Override
    public void reconcile(String id) {
        Optional<DesiredResource> want = cache.get(new Key(kind(), id));
        if (want.isEmpty()) {
            net.deleteSecurityGroup(id);
            return;
        }
        List<NetDaemon.RuleRequest> rules = want.get().getSecurityGroup().getRulesList().stream()
                .map(r -> new NetDaemon.RuleRequest(
                        r.getDirection(),
                        r.getProtocol(),
                        r.getPortFrom(),
                        r.getPortTo(),
                        r.getCidr(),
                        r.getPeerGroup()))
                .toList();
        net.ensureSecurityGroup(id, rules);
        sink.report(Statuses.resource(kind(), id, ResourceObserved.newBuilder().setPhase("READY")));
    }
}
