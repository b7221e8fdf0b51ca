package dev.mvirt.api.scheduler;

import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Usage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node filters for one VM. Each returns why a node cannot take the VM; the first failing filter names the
 * reason reported in {@code NoCapacity}. Facts that do not depend on the node are computed once.
 */
final class Filters {
    private final ClusterState state;
    private final VmSpec spec;
    private final Set<String> volumeNodes = new HashSet<>();
    private final Set<String> antiAffinityNodes = new HashSet<>();
    private final long newVolumeBytes;
    private final double cpuRatio;
    private final double memoryRatio;
    private final boolean binpack;

    Filters(ClusterState state, String vmId, VmSpec spec) {
        this.state = state;
        this.spec = spec;
        // settings are text; parse them once per placement, not once per node
        this.cpuRatio = state.settings().cpuOvercommit();
        this.memoryRatio = state.settings().memoryOvercommit();
        this.binpack = state.settings().strategy().equals("binpack");
        long bytes = 0;
        for (String id : spec.volumes()) {
            Optional<Resource<VolumeSpec, VolumeStatus>> v = state.volumes().get(id);
            if (v.isPresent() && !v.get().spec().node().isEmpty()) {
                volumeNodes.add(v.get().spec().node());
            } else if (v.isPresent()) {
                bytes += v.get().spec().sizeBytes();
            }
        }
        this.newVolumeBytes = bytes;
        if (!spec.antiAffinityGroup().isEmpty()) {
            antiAffinityNodes.addAll(
                    state.antiAffinityNodes(spec.antiAffinityGroup()).keySet());
            // the VM itself (being resized) is not in its own way
            state.vms()
                    .get(vmId)
                    .filter(self -> self.spec().antiAffinityGroup().equals(spec.antiAffinityGroup()))
                    .filter(self -> state.antiAffinityNodes(spec.antiAffinityGroup())
                                    .getOrDefault(self.status().node(), 0)
                            == 1)
                    .ifPresent(self -> antiAffinityNodes.remove(self.status().node()));
        }
    }

    /** Why {@code node}, whose VMs reserve {@code u}, cannot take the VM; empty when it can. */
    Optional<String> reject(Resource<NodeSpec, NodeStatus> node, Usage u) {
        NodeStatus s = node.status();
        if (s.phase() != NodePhase.READY) {
            return Optional.of("node is " + s.phase().name().toLowerCase());
        }
        if (node.spec().cordoned() || node.spec().draining()) {
            return Optional.of("node is cordoned");
        }
        return selector(node)
                .or(() -> hypervisor(s))
                .or(() -> capacity(node, u))
                .or(() -> storage(node))
                .or(() -> {
                    if (volumeNodes.size() > 1) {
                        return Optional.of("the VM's volumes live on different nodes");
                    }
                    if (!volumeNodes.isEmpty() && !volumeNodes.contains(node.id())) {
                        return Optional.of("the VM's volumes live on another node");
                    }
                    return antiAffinityNodes.contains(node.id())
                            ? Optional.of("anti-affinity group " + spec.antiAffinityGroup() + " already has a VM here")
                            : Optional.empty();
                });
    }

    private Optional<String> selector(Resource<NodeSpec, NodeStatus> node) {
        for (Map.Entry<String, String> e : spec.nodeSelector().entrySet()) {
            String actual = switch (e.getKey()) {
                case VmSpec.NODE_ID -> node.id();
                case VmSpec.NODE_NAME -> node.name();
                default -> node.meta().labels().get(e.getKey());
            };
            if (actual == null || !actual.equals(e.getValue())) {
                return Optional.of("selector " + e.getKey() + "=" + e.getValue() + " does not match");
            }
        }
        return Optional.empty();
    }

    private Optional<String> hypervisor(NodeStatus s) {
        List<String> hv = s.hypervisors();
        return spec.hypervisor().isEmpty() || hv.contains(spec.hypervisor())
                ? Optional.empty()
                : Optional.of("no " + spec.hypervisor() + " hypervisor");
    }

    private Optional<String> capacity(Resource<NodeSpec, NodeStatus> node, Usage u) {
        double cpuCap = Math.floor(node.status().cpus() * cpuRatio);
        double memCap = Math.floor(node.status().memoryMib() * memoryRatio);
        if (u.vcpus() + spec.vcpus() > cpuCap) {
            return Optional.of(
                    "not enough CPU: " + (long) (cpuCap - u.vcpus()) + " vCPUs free, " + spec.vcpus() + " asked");
        }
        if (u.memoryMib() + spec.memoryMib() > memCap) {
            return Optional.of("not enough memory: " + (long) (memCap - u.memoryMib()) + " MiB free, "
                    + spec.memoryMib() + " asked");
        }
        return Optional.empty();
    }

    private Optional<String> storage(Resource<NodeSpec, NodeStatus> node) {
        if (newVolumeBytes == 0) {
            return Optional.empty();
        }
        long free = node.status().pools().stream()
                .mapToLong(StoragePool::freeBytes)
                .max()
                .orElse(0);
        return free >= newVolumeBytes
                ? Optional.empty()
                : Optional.of("not enough storage: " + free + " bytes free in the largest pool");
    }

    /** Higher is better. Spread prefers the emptiest node after placement; binpack the fullest that fits. */
    double score(Resource<NodeSpec, NodeStatus> node, Usage u) {
        double cpuCap = node.status().cpus() * cpuRatio;
        double memCap = node.status().memoryMib() * memoryRatio;
        double cpuFree = (cpuCap - u.vcpus() - spec.vcpus()) / cpuCap;
        double memFree = (memCap - u.memoryMib() - spec.memoryMib()) / memCap;
        double free = (cpuFree + memFree) / 2;
        return binpack ? -free : free;
    }
}
