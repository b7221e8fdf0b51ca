package dev.mvirt.api.model;

import java.util.List;

/** What a host's agent reported when it registered, and its liveness. */
public record NodeStatus(
        NodePhase phase,
        String hostname,
        String address,
        int cpus,
        long memoryMib,
        List<StoragePool> pools,
        List<String> hypervisors,
        String agentVersion)
        implements Status {
    public NodeStatus {
        pools = List.copyOf(pools);
        hypervisors = List.copyOf(hypervisors);
    }

    @Override
    public Kind kind() {
        return Kind.NODE;
    }

    /** A copy in another phase. */
    public NodeStatus withPhase(NodePhase p) {
        return new NodeStatus(p, hostname, address, cpus, memoryMib, pools, hypervisors, agentVersion);
    }
}
