package dev.mvirt.api.state;

import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import org.pcollections.PMap;

/**
 * The derived indexes of {@link ClusterState}: allocated addresses per network (address → NIC id) and usage per
 * node. Never stored in snapshots; rebuilt on restore and kept in step by every change.
 */
final class Indexes {
    private Indexes() {}

    static ClusterState rebuild(ClusterState s) {
        PMap<String, PMap<String, String>> addresses = HashTrie.empty();
        for (Resource<NicSpec, NicStatus> nic : s.nics().all()) {
            addresses = addNic(addresses, nic);
        }
        VmIndex usage = VmIndex.EMPTY;
        for (Resource<VmSpec, VmStatus> vm : s.vms().all()) {
            usage = usage.add(vm, 1);
        }
        return new ClusterState(s.revision, s.tables, s.settings, s.idempotency, addresses, usage);
    }

    static PMap<String, PMap<String, String>> addNic(
            PMap<String, PMap<String, String>> idx, Resource<NicSpec, NicStatus> nic) {
        PMap<String, String> m = idx.getOrDefault(nic.spec().network(), HashTrie.empty());
        for (String a : new String[] {nic.spec().ipv4(), nic.spec().ipv6()}) {
            if (!a.isEmpty()) {
                m = m.plus(a, nic.id());
            }
        }
        return idx.plus(nic.spec().network(), m);
    }

    static PMap<String, PMap<String, String>> removeNic(
            PMap<String, PMap<String, String>> idx, Resource<NicSpec, NicStatus> nic) {
        PMap<String, String> m = idx.get(nic.spec().network());
        if (m == null) {
            return idx;
        }
        m = m.minus(nic.spec().ipv4()).minus(nic.spec().ipv6());
        return m.isEmpty()
                ? idx.minus(nic.spec().network())
                : idx.plus(nic.spec().network(), m);
    }
}
