package dev.mvirt.api.codec;

import dev.mvirt.api.state.Command;
import dev.mvirt.proto.api.v1.AcquireLockProto;
import dev.mvirt.proto.api.v1.AttachNicProto;
import dev.mvirt.proto.api.v1.CreateProto;
import dev.mvirt.proto.api.v1.DeleteProto;
import dev.mvirt.proto.api.v1.EnvelopeProto;
import dev.mvirt.proto.api.v1.RegisterNodeProto;
import dev.mvirt.proto.api.v1.ReportStatusProto;
import dev.mvirt.proto.api.v1.SetLabelsProto;
import dev.mvirt.proto.api.v1.SetVmPowerProto;
import dev.mvirt.proto.api.v1.UpdateSpecProto;

/**
 * Reads the {@code command} oneof case of an {@link EnvelopeProto} into a {@link Command}. Throws
 * {@link CodecException} for an unset or unknown case, a missing required message or an unknown enum value.
 */
final class CommandDecoder {
    private static final String F = "command.";

    private CommandDecoder() {}

    static Command decode(EnvelopeProto p) {
        return switch (p.getCommandCase()) {
            case CREATE -> create(p.getCreate());
            case UPDATE_SPEC -> updateSpec(p.getUpdateSpec());
            case SET_LABELS -> setLabels(p.getSetLabels());
            case DELETE -> delete(p.getDelete());
            case REPORT_STATUS -> reportStatus(p.getReportStatus());
            case ATTACH_NIC -> attachNic(p.getAttachNic());
            case DETACH_NIC ->
                new Command.DetachNic(
                        p.getDetachNic().getNicId(), p.getDetachNic().getExpectedRevision());
            case SET_VM_POWER -> setVmPower(p.getSetVmPower());
            case REBOOT_VM ->
                new Command.RebootVm(p.getRebootVm().getVmId(), p.getRebootVm().getExpectedRevision());
            case MOVE_VM ->
                new Command.MoveVm(
                        p.getMoveVm().getVmId(),
                        p.getMoveVm().getExpectedRevision(),
                        Wire.map(p.getMoveVm().getNodeSelectorMap()));
            case CREATE_SNAPSHOT ->
                new Command.CreateSnapshot(
                        p.getCreateSnapshot().getVolumeId(),
                        p.getCreateSnapshot().getSnapshot());
            case DELETE_SNAPSHOT ->
                new Command.DeleteSnapshot(
                        p.getDeleteSnapshot().getVolumeId(),
                        p.getDeleteSnapshot().getSnapshot());
            case ROLLBACK_VOLUME ->
                new Command.RollbackVolume(
                        p.getRollbackVolume().getVolumeId(),
                        p.getRollbackVolume().getSnapshot());
            case ACQUIRE_LOCK -> acquireLock(p.getAcquireLock());
            case RELEASE_LOCK ->
                new Command.ReleaseLock(
                        p.getReleaseLock().getKey(), p.getReleaseLock().getOwner());
            case EXPIRE_LOCKS -> new Command.ExpireLocks();
            case SET_SETTINGS ->
                new Command.SetSettings(Wire.map(p.getSetSettings().getValuesMap()));
            case REGISTER_NODE -> registerNode(p.getRegisterNode());
            case SET_NODE_PHASE ->
                new Command.SetNodePhase(
                        p.getSetNodePhase().getNodeId(),
                        EnumCodec.nodePhase(p.getSetNodePhase().getPhaseValue(), F + "set_node_phase.phase"));
            case BATCH -> throw new CodecException("command.batch: a batch inside a batch is not allowed");
            case COMMAND_NOT_SET -> throw Wire.unset("command", p.getUnknownFields());
        };
    }

    private static Command create(CreateProto p) {
        Wire.require(p.hasSpec(), F + "create.spec");
        return new Command.Create(
                p.getId(),
                p.getProject(),
                p.getName(),
                Wire.map(p.getLabelsMap()),
                SpecCodec.decode(p.getSpec(), F + "create.spec"));
    }

    private static Command updateSpec(UpdateSpecProto p) {
        Wire.require(p.hasSpec(), F + "update_spec.spec");
        return new Command.UpdateSpec(
                EnumCodec.kind(p.getKindValue(), F + "update_spec.kind"),
                p.getId(),
                p.getExpectedRevision(),
                SpecCodec.decode(p.getSpec(), F + "update_spec.spec"));
    }

    private static Command setLabels(SetLabelsProto p) {
        return new Command.SetLabels(
                EnumCodec.kind(p.getKindValue(), F + "set_labels.kind"),
                p.getId(),
                p.getExpectedRevision(),
                Wire.map(p.getLabelsMap()));
    }

    private static Command delete(DeleteProto p) {
        return new Command.Delete(
                EnumCodec.kind(p.getKindValue(), F + "delete.kind"), p.getId(), p.getExpectedRevision(), p.getForce());
    }

    private static Command reportStatus(ReportStatusProto p) {
        Wire.require(p.hasStatus(), F + "report_status.status");
        return new Command.ReportStatus(
                EnumCodec.kind(p.getKindValue(), F + "report_status.kind"),
                p.getId(),
                p.getNode(),
                StatusCodec.decode(p.getStatus(), F + "report_status.status"));
    }

    private static Command attachNic(AttachNicProto p) {
        return new Command.AttachNic(p.getNicId(), p.getVmId(), p.getExpectedRevision());
    }

    private static Command setVmPower(SetVmPowerProto p) {
        return new Command.SetVmPower(
                p.getVmId(),
                EnumCodec.desired(p.getDesiredValue(), F + "set_vm_power.desired"),
                EnumCodec.stopMode(p.getModeValue(), F + "set_vm_power.mode"),
                p.getExpectedRevision());
    }

    private static Command acquireLock(AcquireLockProto p) {
        return new Command.AcquireLock(p.getId(), p.getKey(), p.getOwner(), p.getTtlMillis());
    }

    private static Command registerNode(RegisterNodeProto p) {
        Wire.require(p.hasFacts(), F + "register_node.facts");
        return new Command.RegisterNode(
                p.getNodeId(),
                p.getName(),
                Wire.map(p.getLabelsMap()),
                StatusCodec.node(p.getFacts(), F + "register_node.facts"));
    }
}
