package dev.mvirt.api.model;

/** The observed state of a resource, reported by the host that realises it (or kept by the control plane). */
public sealed interface Status
        permits ProjectStatus,
                NodeStatus,
                NetworkStatus,
                NicStatus,
                VolumeStatus,
                TemplateStatus,
                SecurityGroupStatus,
                VmStatus,
                LockStatus {

    /** The kind this status describes. */
    Kind kind();
}
