package dev.mvirt.api.codec;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.ResourcePhase;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.TemplatePhase;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.proto.api.v1.DesiredStateProto;
import dev.mvirt.proto.api.v1.DirectionProto;
import dev.mvirt.proto.api.v1.KindProto;
import dev.mvirt.proto.api.v1.NodePhaseProto;
import dev.mvirt.proto.api.v1.ProtocolProto;
import dev.mvirt.proto.api.v1.ResourcePhaseProto;
import dev.mvirt.proto.api.v1.StopModeProto;
import dev.mvirt.proto.api.v1.TemplatePhaseProto;
import dev.mvirt.proto.api.v1.VmPhaseProto;

/**
 * Every enum, both ways, by explicit switch: renaming or reordering a Java constant cannot change the log. Decoding
 * takes the raw wire number and refuses 0 (unspecified) and numbers this version does not know, naming the field.
 */
final class EnumCodec {
    private EnumCodec() {}

    static KindProto kind(Kind k) {
        return switch (k) {
            case PROJECT -> KindProto.KIND_PROJECT;
            case NODE -> KindProto.KIND_NODE;
            case NETWORK -> KindProto.KIND_NETWORK;
            case NIC -> KindProto.KIND_NIC;
            case VOLUME -> KindProto.KIND_VOLUME;
            case TEMPLATE -> KindProto.KIND_TEMPLATE;
            case SECURITY_GROUP -> KindProto.KIND_SECURITY_GROUP;
            case VM -> KindProto.KIND_VM;
            case LOCK -> KindProto.KIND_LOCK;
        };
    }

    static Kind kind(int wire, String field) {
        return switch (wire) {
            case KindProto.KIND_PROJECT_VALUE -> Kind.PROJECT;
            case KindProto.KIND_NODE_VALUE -> Kind.NODE;
            case KindProto.KIND_NETWORK_VALUE -> Kind.NETWORK;
            case KindProto.KIND_NIC_VALUE -> Kind.NIC;
            case KindProto.KIND_VOLUME_VALUE -> Kind.VOLUME;
            case KindProto.KIND_TEMPLATE_VALUE -> Kind.TEMPLATE;
            case KindProto.KIND_SECURITY_GROUP_VALUE -> Kind.SECURITY_GROUP;
            case KindProto.KIND_VM_VALUE -> Kind.VM;
            case KindProto.KIND_LOCK_VALUE -> Kind.LOCK;
            default -> throw unknown("Kind", wire, field);
        };
    }

    static NodePhaseProto nodePhase(NodePhase p) {
        return switch (p) {
            case READY -> NodePhaseProto.NODE_PHASE_READY;
            case UNREACHABLE -> NodePhaseProto.NODE_PHASE_UNREACHABLE;
            case DOWN -> NodePhaseProto.NODE_PHASE_DOWN;
        };
    }

    static NodePhase nodePhase(int wire, String field) {
        return switch (wire) {
            case NodePhaseProto.NODE_PHASE_READY_VALUE -> NodePhase.READY;
            case NodePhaseProto.NODE_PHASE_UNREACHABLE_VALUE -> NodePhase.UNREACHABLE;
            case NodePhaseProto.NODE_PHASE_DOWN_VALUE -> NodePhase.DOWN;
            default -> throw unknown("NodePhase", wire, field);
        };
    }

    static ResourcePhaseProto resourcePhase(ResourcePhase p) {
        return switch (p) {
            case PENDING -> ResourcePhaseProto.RESOURCE_PHASE_PENDING;
            case CREATING -> ResourcePhaseProto.RESOURCE_PHASE_CREATING;
            case READY -> ResourcePhaseProto.RESOURCE_PHASE_READY;
            case FAILED -> ResourcePhaseProto.RESOURCE_PHASE_FAILED;
            case DELETING -> ResourcePhaseProto.RESOURCE_PHASE_DELETING;
            case UNKNOWN -> ResourcePhaseProto.RESOURCE_PHASE_UNKNOWN;
        };
    }

    static ResourcePhase resourcePhase(int wire, String field) {
        return switch (wire) {
            case ResourcePhaseProto.RESOURCE_PHASE_PENDING_VALUE -> ResourcePhase.PENDING;
            case ResourcePhaseProto.RESOURCE_PHASE_CREATING_VALUE -> ResourcePhase.CREATING;
            case ResourcePhaseProto.RESOURCE_PHASE_READY_VALUE -> ResourcePhase.READY;
            case ResourcePhaseProto.RESOURCE_PHASE_FAILED_VALUE -> ResourcePhase.FAILED;
            case ResourcePhaseProto.RESOURCE_PHASE_DELETING_VALUE -> ResourcePhase.DELETING;
            case ResourcePhaseProto.RESOURCE_PHASE_UNKNOWN_VALUE -> ResourcePhase.UNKNOWN;
            default -> throw unknown("ResourcePhase", wire, field);
        };
    }

    static TemplatePhaseProto templatePhase(TemplatePhase p) {
        return switch (p) {
            case PENDING -> TemplatePhaseProto.TEMPLATE_PHASE_PENDING;
            case IMPORTING -> TemplatePhaseProto.TEMPLATE_PHASE_IMPORTING;
            case READY -> TemplatePhaseProto.TEMPLATE_PHASE_READY;
            case FAILED -> TemplatePhaseProto.TEMPLATE_PHASE_FAILED;
        };
    }

    static TemplatePhase templatePhase(int wire, String field) {
        return switch (wire) {
            case TemplatePhaseProto.TEMPLATE_PHASE_PENDING_VALUE -> TemplatePhase.PENDING;
            case TemplatePhaseProto.TEMPLATE_PHASE_IMPORTING_VALUE -> TemplatePhase.IMPORTING;
            case TemplatePhaseProto.TEMPLATE_PHASE_READY_VALUE -> TemplatePhase.READY;
            case TemplatePhaseProto.TEMPLATE_PHASE_FAILED_VALUE -> TemplatePhase.FAILED;
            default -> throw unknown("TemplatePhase", wire, field);
        };
    }

    static VmPhaseProto vmPhase(VmPhase p) {
        return switch (p) {
            case PENDING -> VmPhaseProto.VM_PHASE_PENDING;
            case SCHEDULED -> VmPhaseProto.VM_PHASE_SCHEDULED;
            case CREATING -> VmPhaseProto.VM_PHASE_CREATING;
            case RUNNING -> VmPhaseProto.VM_PHASE_RUNNING;
            case STOPPING -> VmPhaseProto.VM_PHASE_STOPPING;
            case STOPPED -> VmPhaseProto.VM_PHASE_STOPPED;
            case FAILED -> VmPhaseProto.VM_PHASE_FAILED;
            case UNKNOWN -> VmPhaseProto.VM_PHASE_UNKNOWN;
        };
    }

    static VmPhase vmPhase(int wire, String field) {
        return switch (wire) {
            case VmPhaseProto.VM_PHASE_PENDING_VALUE -> VmPhase.PENDING;
            case VmPhaseProto.VM_PHASE_SCHEDULED_VALUE -> VmPhase.SCHEDULED;
            case VmPhaseProto.VM_PHASE_CREATING_VALUE -> VmPhase.CREATING;
            case VmPhaseProto.VM_PHASE_RUNNING_VALUE -> VmPhase.RUNNING;
            case VmPhaseProto.VM_PHASE_STOPPING_VALUE -> VmPhase.STOPPING;
            case VmPhaseProto.VM_PHASE_STOPPED_VALUE -> VmPhase.STOPPED;
            case VmPhaseProto.VM_PHASE_FAILED_VALUE -> VmPhase.FAILED;
            case VmPhaseProto.VM_PHASE_UNKNOWN_VALUE -> VmPhase.UNKNOWN;
            default -> throw unknown("VmPhase", wire, field);
        };
    }

    static DesiredStateProto desired(VmSpec.DesiredState d) {
        return switch (d) {
            case RUNNING -> DesiredStateProto.DESIRED_STATE_RUNNING;
            case STOPPED -> DesiredStateProto.DESIRED_STATE_STOPPED;
        };
    }

    static VmSpec.DesiredState desired(int wire, String field) {
        return switch (wire) {
            case DesiredStateProto.DESIRED_STATE_RUNNING_VALUE -> VmSpec.DesiredState.RUNNING;
            case DesiredStateProto.DESIRED_STATE_STOPPED_VALUE -> VmSpec.DesiredState.STOPPED;
            default -> throw unknown("DesiredState", wire, field);
        };
    }

    static StopModeProto stopMode(VmSpec.StopMode m) {
        return switch (m) {
            case GRACEFUL -> StopModeProto.STOP_MODE_GRACEFUL;
            case FORCE -> StopModeProto.STOP_MODE_FORCE;
        };
    }

    static VmSpec.StopMode stopMode(int wire, String field) {
        return switch (wire) {
            case StopModeProto.STOP_MODE_GRACEFUL_VALUE -> VmSpec.StopMode.GRACEFUL;
            case StopModeProto.STOP_MODE_FORCE_VALUE -> VmSpec.StopMode.FORCE;
            default -> throw unknown("StopMode", wire, field);
        };
    }

    static DirectionProto direction(Rule.Direction d) {
        return switch (d) {
            case INGRESS -> DirectionProto.DIRECTION_INGRESS;
            case EGRESS -> DirectionProto.DIRECTION_EGRESS;
        };
    }

    static Rule.Direction direction(int wire, String field) {
        return switch (wire) {
            case DirectionProto.DIRECTION_INGRESS_VALUE -> Rule.Direction.INGRESS;
            case DirectionProto.DIRECTION_EGRESS_VALUE -> Rule.Direction.EGRESS;
            default -> throw unknown("Direction", wire, field);
        };
    }

    static ProtocolProto protocol(Rule.Protocol p) {
        return switch (p) {
            case ANY -> ProtocolProto.PROTOCOL_ANY;
            case TCP -> ProtocolProto.PROTOCOL_TCP;
            case UDP -> ProtocolProto.PROTOCOL_UDP;
            case ICMP -> ProtocolProto.PROTOCOL_ICMP;
            case ICMPV6 -> ProtocolProto.PROTOCOL_ICMPV6;
        };
    }

    static Rule.Protocol protocol(int wire, String field) {
        return switch (wire) {
            case ProtocolProto.PROTOCOL_ANY_VALUE -> Rule.Protocol.ANY;
            case ProtocolProto.PROTOCOL_TCP_VALUE -> Rule.Protocol.TCP;
            case ProtocolProto.PROTOCOL_UDP_VALUE -> Rule.Protocol.UDP;
            case ProtocolProto.PROTOCOL_ICMP_VALUE -> Rule.Protocol.ICMP;
            case ProtocolProto.PROTOCOL_ICMPV6_VALUE -> Rule.Protocol.ICMPV6;
            default -> throw unknown("Protocol", wire, field);
        };
    }

    private static CodecException unknown(String type, int wire, String field) {
        return wire == 0
                ? new CodecException(field + ": " + type + " is not set")
                : new CodecException(field + ": unknown " + type + " value " + wire + " (written by a newer version?)");
    }
}
