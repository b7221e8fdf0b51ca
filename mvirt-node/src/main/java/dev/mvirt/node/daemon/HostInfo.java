package dev.mvirt.node.daemon;

import java.util.List;

/** What a host offers to the scheduler: CPUs, memory, hypervisor kinds. */
public record HostInfo(int cpus, long memoryMib, List<String> hypervisors) {
    public HostInfo {
        hypervisors = List.copyOf(hypervisors);
    }
}
