package dev.mvirt.api.model;

/**
 * Lifecycle of a VM as observed. Only PENDING and SCHEDULED are set by the control plane; every other phase comes
 * from the host's report (DESIGN §5), except UNKNOWN, set when the host becomes unreachable.
 */
public enum VmPhase {
    PENDING,
    SCHEDULED,
    CREATING,
    RUNNING,
    STOPPING,
    STOPPED,
    FAILED,
    UNKNOWN
}
