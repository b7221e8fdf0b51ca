package dev.mvirt.vmm.model;

/** Where a VM's hypervisor process is, as this daemon observes it. */
public enum Phase {
    /** Defined, no process: never started, stopped on request, or powered off by the guest. */
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING,
    /** The process could not start or exited unexpectedly; the VM's message says why. */
    FAILED;

    /** True when a hypervisor process may exist in this phase. */
    public boolean hasProcess() {
        return this == STARTING || this == RUNNING || this == STOPPING;
    }
}
