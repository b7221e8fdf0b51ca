package dev.mvirt.api.raft;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.state.Command;
import java.util.List;
import java.util.Locale;

/** The objects a command is about, by id and recorded kind ({@code vm}, {@code nic} ...), whatever its outcome. */
final class AuditTargets {
    /** One object a command names. */
    record Target(String id, String kind) {}

    private AuditTargets() {}

    static List<Target> of(Command c) {
        return switch (c) {
            case Command.Create cr -> List.of(t(cr.id(), cr.spec().kind()));
            case Command.UpdateSpec u -> List.of(t(u.id(), u.kind()));
            case Command.SetLabels l -> List.of(t(l.id(), l.kind()));
            case Command.Delete d -> List.of(t(d.id(), d.kind()));
            case Command.ReportStatus s -> List.of(t(s.id(), s.kind()));
            case Command.AttachNic a -> List.of(t(a.nicId(), Kind.NIC), t(a.vmId(), Kind.VM));
            case Command.DetachNic d -> List.of(t(d.nicId(), Kind.NIC));
            case Command.SetVmPower p -> List.of(t(p.vmId(), Kind.VM));
            case Command.RebootVm r -> List.of(t(r.vmId(), Kind.VM));
            case Command.MoveVm m -> List.of(t(m.vmId(), Kind.VM));
            case Command.CreateSnapshot s -> List.of(t(s.volumeId(), Kind.VOLUME));
            case Command.DeleteSnapshot s -> List.of(t(s.volumeId(), Kind.VOLUME));
            case Command.RollbackVolume r -> List.of(t(r.volumeId(), Kind.VOLUME));
            case Command.RegisterNode n -> List.of(t(n.nodeId(), Kind.NODE));
            case Command.SetNodePhase n -> List.of(t(n.nodeId(), Kind.NODE));
            case Command.AcquireLock l -> List.of(t(l.id(), Kind.LOCK));
            default -> List.of();
        };
    }

    private static Target t(String id, Kind kind) {
        return new Target(id, kind.name().toLowerCase(Locale.ROOT));
    }
}
