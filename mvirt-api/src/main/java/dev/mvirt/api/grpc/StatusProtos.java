package dev.mvirt.api.grpc;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.ResourcePhase;
import dev.mvirt.api.model.SecurityGroupStatus;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.TemplatePhase;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeStatus;
import dev.mvirt.proto.node.v1.ResourceObserved;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.TemplateObserved;
import dev.mvirt.proto.node.v1.VmObserved;
import java.util.Set;

/**
 * Maps an agent's {@link ResourceStatus} to a model {@link Status}, refusing (with {@link Refusal}) phases a host
 * may not report, statuses of the wrong shape for their kind, and over-long text, before anything is proposed.
 */
final class StatusProtos {
    private static final int MAX_TEXT = 4096;
    private static final Set<VmPhase> HOST_VM_PHASES =
            Set.of(VmPhase.CREATING, VmPhase.RUNNING, VmPhase.STOPPING, VmPhase.STOPPED, VmPhase.FAILED);

    private StatusProtos() {}

    /** The model status of {@code rs}, whose kind is {@code kind}. */
    static Status status(Kind kind, ResourceStatus rs) {
        return switch (kind) {
            case VM -> vm(need(rs.hasVm(), kind, rs.getVm()));
            case NIC -> {
                ResourceObserved o = need(rs.hasResource(), kind, rs.getResource());
                yield new NicStatus(phase(o.getPhase()), "", text("tap", o.getTap()), text("message", o.getMessage()));
            }
            case VOLUME -> volume(need(rs.hasResource(), kind, rs.getResource()));
            case SECURITY_GROUP -> {
                ResourceObserved o = need(rs.hasResource(), kind, rs.getResource());
                yield new SecurityGroupStatus(phase(o.getPhase()), text("message", o.getMessage()));
            }
            case TEMPLATE -> template(need(rs.hasTemplate(), kind, rs.getTemplate()));
            default -> throw invalid("key.kind", kind.plural() + " have no host status");
        };
    }

    private static VmStatus vm(VmObserved o) {
        VmPhase p = parse(VmPhase.class, "vm.phase", o.getPhase());
        if (!HOST_VM_PHASES.contains(p)) {
            throw invalid("vm.phase", "a host reports one of " + HOST_VM_PHASES);
        }
        return new VmStatus(p, "", text("vm.message", o.getMessage()), o.getRebootGeneration(), o.getPid());
    }

    private static VolumeStatus volume(ResourceObserved o) {
        return new VolumeStatus(
                phase(o.getPhase()),
                "",
                text("path", o.getPath()),
                o.getUsedBytes(),
                o.getRollbackGeneration(),
                text("message", o.getMessage()));
    }

    private static TemplateStatus template(TemplateObserved o) {
        return new TemplateStatus(
                parse(TemplatePhase.class, "template.phase", o.getPhase()),
                o.getProgressBytes(),
                o.getSizeBytes(),
                text("template.message", o.getMessage()));
    }

    private static ResourcePhase phase(String text) {
        ResourcePhase p = parse(ResourcePhase.class, "resource.phase", text);
        if (p == ResourcePhase.UNKNOWN) {
            throw invalid("resource.phase", "UNKNOWN is set by the control plane");
        }
        return p;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        throw invalid(field, "unknown phase '" + (text.length() > 32 ? text.substring(0, 32) : text) + "'");
    }

    private static <T> T need(boolean present, Kind kind, T value) {
        if (!present) {
            throw invalid("status", "a " + kind.plural() + " key needs its own status case");
        }
        return value;
    }

    private static String text(String field, String value) {
        if (value.length() > MAX_TEXT || value.indexOf('\0') >= 0) {
            throw invalid(field, "must be at most " + MAX_TEXT + " characters without NUL");
        }
        return value;
    }

    private static Refusal invalid(String field, String reason) {
        return new Refusal(Refusal.Why.INVALID, field + ": " + reason);
    }
}
