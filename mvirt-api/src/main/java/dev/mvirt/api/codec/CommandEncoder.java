package dev.mvirt.api.codec;

import dev.mvirt.api.state.Command;
import dev.mvirt.proto.api.v1.AcquireLockProto;
import dev.mvirt.proto.api.v1.AttachNicProto;
import dev.mvirt.proto.api.v1.CreateProto;
import dev.mvirt.proto.api.v1.CreateSnapshotProto;
import dev.mvirt.proto.api.v1.DeleteProto;
import dev.mvirt.proto.api.v1.DeleteSnapshotProto;
import dev.mvirt.proto.api.v1.DetachNicProto;
import dev.mvirt.proto.api.v1.EnvelopeProto;
import dev.mvirt.proto.api.v1.ExpireLocksProto;
import dev.mvirt.proto.api.v1.MoveVmProto;
import dev.mvirt.proto.api.v1.RebootVmProto;
import dev.mvirt.proto.api.v1.RegisterNodeProto;
import dev.mvirt.proto.api.v1.ReleaseLockProto;
import dev.mvirt.proto.api.v1.ReportStatusProto;
import dev.mvirt.proto.api.v1.RollbackVolumeProto;
import dev.mvirt.proto.api.v1.SetLabelsProto;
import dev.mvirt.proto.api.v1.SetNodePhaseProto;
import dev.mvirt.proto.api.v1.SetSettingsProto;
import dev.mvirt.proto.api.v1.SetVmPowerProto;
import dev.mvirt.proto.api.v1.UpdateSpecProto;

/**
 * Sets the {@code command} oneof case of an {@link EnvelopeProto} from a {@link Command}. The switch is exhaustive,
 * so a new command record does not compile until it has an encoding.
 */
final class CommandEncoder {
    private CommandEncoder() {}

    static void encode(Command command, EnvelopeProto.Builder b) {
        switch (command) {
            case Command.Create c -> b.setCreate(create(c));
            case Command.UpdateSpec c -> b.setUpdateSpec(updateSpec(c));
            case Command.SetLabels c -> b.setSetLabels(setLabels(c));
            case Command.Delete c -> b.setDelete(delete(c));
            case Command.ReportStatus c -> b.setReportStatus(reportStatus(c));
            case Command.AttachNic c -> b.setAttachNic(attachNic(c));
            case Command.DetachNic c ->
                b.setDetachNic(
                        DetachNicProto.newBuilder().setNicId(c.nicId()).setExpectedRevision(c.expectedRevision()));
            case Command.SetVmPower c -> b.setSetVmPower(setVmPower(c));
            case Command.RebootVm c ->
                b.setRebootVm(RebootVmProto.newBuilder().setVmId(c.vmId()).setExpectedRevision(c.expectedRevision()));
            case Command.MoveVm c ->
                b.setMoveVm(MoveVmProto.newBuilder()
                        .setVmId(c.vmId())
                        .setExpectedRevision(c.expectedRevision())
                        .putAllNodeSelector(Wire.sorted(c.nodeSelector())));
            case Command.CreateSnapshot c ->
                b.setCreateSnapshot(CreateSnapshotProto.newBuilder()
                        .setVolumeId(c.volumeId())
                        .setSnapshot(c.snapshot()));
            case Command.DeleteSnapshot c ->
                b.setDeleteSnapshot(DeleteSnapshotProto.newBuilder()
                        .setVolumeId(c.volumeId())
                        .setSnapshot(c.snapshot()));
            case Command.RollbackVolume c ->
                b.setRollbackVolume(RollbackVolumeProto.newBuilder()
                        .setVolumeId(c.volumeId())
                        .setSnapshot(c.snapshot()));
            case Command.AcquireLock c -> b.setAcquireLock(acquireLock(c));
            case Command.ReleaseLock c ->
                b.setReleaseLock(ReleaseLockProto.newBuilder().setKey(c.key()).setOwner(c.owner()));
            case Command.ExpireLocks c -> b.setExpireLocks(ExpireLocksProto.getDefaultInstance());
            case Command.SetSettings c ->
                b.setSetSettings(SetSettingsProto.newBuilder().putAllValues(Wire.sorted(c.values())));
            case Command.RegisterNode c -> b.setRegisterNode(registerNode(c));
            case Command.SetNodePhase c ->
                b.setSetNodePhase(
                        SetNodePhaseProto.newBuilder().setNodeId(c.nodeId()).setPhase(EnumCodec.nodePhase(c.phase())));
        }
    }

    private static CreateProto create(Command.Create c) {
        return CreateProto.newBuilder()
                .setId(c.id())
                .setProject(c.project())
                .setName(c.name())
                .putAllLabels(Wire.sorted(c.labels()))
                .setSpec(SpecCodec.encode(c.spec()))
                .build();
    }

    private static UpdateSpecProto updateSpec(Command.UpdateSpec c) {
        return UpdateSpecProto.newBuilder()
                .setKind(EnumCodec.kind(c.kind()))
                .setId(c.id())
                .setExpectedRevision(c.expectedRevision())
                .setSpec(SpecCodec.encode(c.spec()))
                .build();
    }

    private static SetLabelsProto setLabels(Command.SetLabels c) {
        return SetLabelsProto.newBuilder()
                .setKind(EnumCodec.kind(c.kind()))
                .setId(c.id())
                .setExpectedRevision(c.expectedRevision())
                .putAllLabels(Wire.sorted(c.labels()))
                .build();
    }

    private static DeleteProto delete(Command.Delete c) {
        return DeleteProto.newBuilder()
                .setKind(EnumCodec.kind(c.kind()))
                .setId(c.id())
                .setExpectedRevision(c.expectedRevision())
                .setForce(c.force())
                .build();
    }

    private static ReportStatusProto reportStatus(Command.ReportStatus c) {
        return ReportStatusProto.newBuilder()
                .setKind(EnumCodec.kind(c.kind()))
                .setId(c.id())
                .setNode(c.node())
                .setStatus(StatusCodec.encode(c.status()))
                .build();
    }

    private static AttachNicProto attachNic(Command.AttachNic c) {
        return AttachNicProto.newBuilder()
                .setNicId(c.nicId())
                .setVmId(c.vmId())
                .setExpectedRevision(c.expectedRevision())
                .build();
    }

    private static SetVmPowerProto setVmPower(Command.SetVmPower c) {
        return SetVmPowerProto.newBuilder()
                .setVmId(c.vmId())
                .setDesired(EnumCodec.desired(c.desired()))
                .setMode(EnumCodec.stopMode(c.mode()))
                .setExpectedRevision(c.expectedRevision())
                .build();
    }

    private static AcquireLockProto acquireLock(Command.AcquireLock c) {
        return AcquireLockProto.newBuilder()
                .setId(c.id())
                .setKey(c.key())
                .setOwner(c.owner())
                .setTtlMillis(c.ttlMillis())
                .build();
    }

    private static RegisterNodeProto registerNode(Command.RegisterNode c) {
        return RegisterNodeProto.newBuilder()
                .setNodeId(c.nodeId())
                .setName(c.name())
                .putAllLabels(Wire.sorted(c.labels()))
                .setFacts(StatusCodec.node(c.facts()))
                .build();
    }
}
