package dev.mvirt.api.state;

import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import org.pcollections.PMap;

/**
 * What is derived from the VMs, so that no VM create scans every VM: the reservation per node, how many VMs of each
 * anti-affinity group sit on each node, and the VM using each volume. Rebuilt on restore, kept in step by {@link Tx}.
 */
record VmIndex(
        PMap<String, Usage> usage, PMap<String, PMap<String, Integer>> groups, PMap<String, String> volumeUsers) {

    static final VmIndex EMPTY = new VmIndex(HashTrie.empty(), HashTrie.empty(), HashTrie.empty());

    /** This index with {@code vm} added ({@code sign} 1) or removed (-1). */
    VmIndex add(Resource<VmSpec, VmStatus> vm, int sign) {
        return new VmIndex(addUsage(vm, sign), addGroup(vm, sign), addVolumes(vm, sign));
    }

    private PMap<String, Usage> addUsage(Resource<VmSpec, VmStatus> vm, int sign) {
        String node = vm.status().node();
        if (node.isEmpty()) {
            return usage;
        }
        Usage next = usage.getOrDefault(node, Usage.NONE)
                .plus(vm.spec().vcpus(), vm.spec().memoryMib(), sign);
        return next.vms() == 0 ? usage.minus(node) : usage.plus(node, next);
    }

    private PMap<String, PMap<String, Integer>> addGroup(Resource<VmSpec, VmStatus> vm, int sign) {
        String group = vm.spec().antiAffinityGroup();
        String node = vm.status().node();
        if (group.isEmpty() || node.isEmpty()) {
            return groups;
        }
        PMap<String, Integer> nodes = groups.getOrDefault(group, HashTrie.empty());
        int n = nodes.getOrDefault(node, 0) + sign;
        nodes = n == 0 ? nodes.minus(node) : nodes.plus(node, n);
        return nodes.isEmpty() ? groups.minus(group) : groups.plus(group, nodes);
    }

    private PMap<String, String> addVolumes(Resource<VmSpec, VmStatus> vm, int sign) {
        PMap<String, String> out = volumeUsers;
        for (String v : vm.spec().volumes()) {
            if (sign > 0) {
                out = out.plus(v, vm.id());
            } else if (vm.id().equals(out.get(v))) {
                out = out.minus(v);
            }
        }
        return out;
    }
}
