package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.VmSpec;
import java.util.Map;

/**
 * Everything that changes the cluster state. Each record is one Raft log entry (inside an {@link Envelope});
 * {@code expectedRevision} 0 means "any revision". The protobuf codec in {@code raft} maps each case to a
 * {@code oneof} case; a new command follows the checklist in CONTRIBUTING.md.
 */
public sealed interface Command {

    /** Creates a project, network, NIC, volume, template, security group or VM with a client-chosen id. */
    record Create(String id, String project, String name, Map<String, String> labels, Spec spec) implements Command {}

    /** Replaces a resource's spec (PUT/PATCH after merging at the edge). */
    record UpdateSpec(Kind kind, String id, long expectedRevision, Spec spec) implements Command {}

    /** Replaces a resource's labels. */
    record SetLabels(Kind kind, String id, long expectedRevision, Map<String, String> labels) implements Command {}

    /** Deletes a resource; {@code force} deletes a network with its NICs. */
    record Delete(Kind kind, String id, long expectedRevision, boolean force) implements Command {}

    /** A host's observation of a resource it realises; {@code node} is the reporting node's id. */
    record ReportStatus(Kind kind, String id, String node, Status status) implements Command {}

    /** Attaches a NIC to a VM. */
    record AttachNic(String nicId, String vmId, long expectedRevision) implements Command {}

    /** Detaches a NIC from whatever VM holds it. */
    record DetachNic(String nicId, long expectedRevision) implements Command {}

    /** Start (RUNNING) or stop (STOPPED, gracefully or by force) a VM. */
    record SetVmPower(String vmId, VmSpec.DesiredState desired, VmSpec.StopMode mode, long expectedRevision)
            implements Command {}

    /** Requests one reboot of a running VM. */
    record RebootVm(String vmId, long expectedRevision) implements Command {}

    /**
     * Moves a stopped VM cold to another node chosen by the scheduler; {@code nodeSelector} narrows the choice
     * beyond the VM's own selector (keys as in {@link VmSpec#nodeSelector}; empty: any node that fits).
     */
    record MoveVm(String vmId, long expectedRevision, Map<String, String> nodeSelector) implements Command {
        public MoveVm {
            nodeSelector = Map.copyOf(nodeSelector);
        }
    }

    /** Adds a desired snapshot to a volume. */
    record CreateSnapshot(String volumeId, String snapshot) implements Command {}

    /** Removes a desired snapshot from a volume. */
    record DeleteSnapshot(String volumeId, String snapshot) implements Command {}

    /** Requests a rollback of a volume to one of its snapshots. */
    record RollbackVolume(String volumeId, String snapshot) implements Command {}

    /** Takes or renews the lock {@code key} for {@code owner}; {@code id} is used when the lock is new. */
    record AcquireLock(String id, String key, String owner, long ttlMillis) implements Command {}

    /** Releases the lock {@code key} held by {@code owner}. */
    record ReleaseLock(String key, String owner) implements Command {}

    /** Removes every lock whose expiry is at or before the envelope's time. Proposed by the leader. */
    record ExpireLocks() implements Command {}

    /** Changes settings and feature flags ("" resets a key). */
    record SetSettings(Map<String, String> values) implements Command {}

    /** Registers a host, or updates it when the id is known. */
    record RegisterNode(String nodeId, String name, Map<String, String> labels, NodeStatus facts) implements Command {}

    /** Sets a node's liveness phase (leader's liveness controller). */
    record SetNodePhase(String nodeId, NodePhase phase) implements Command {}
}
