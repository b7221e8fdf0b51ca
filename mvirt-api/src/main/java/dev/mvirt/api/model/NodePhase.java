package dev.mvirt.api.model;

/** Liveness of a host as the leader sees it. */
public enum NodePhase {
    /** Registered and heard within the grace period. */
    READY,
    /** Silent past the grace period; its VMs are UNKNOWN and never started elsewhere automatically. */
    UNREACHABLE,
    /** Deregistered by its agent. */
    DOWN
}
