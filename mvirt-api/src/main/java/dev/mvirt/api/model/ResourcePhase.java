package dev.mvirt.api.model;

/** Lifecycle of host-realised resources other than VMs (NICs, volumes, security groups). */
public enum ResourcePhase {
    PENDING,
    CREATING,
    READY,
    FAILED,
    DELETING,
    UNKNOWN
}
