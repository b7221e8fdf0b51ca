package dev.mvirt.api.codec;

import dev.mvirt.api.model.LockStatus;
import dev.mvirt.api.model.NetworkStatus;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.SecurityGroupStatus;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeStatus;
import dev.mvirt.proto.api.v1.LockStatusProto;
import dev.mvirt.proto.api.v1.NetworkStatusProto;
import dev.mvirt.proto.api.v1.NicStatusProto;
import dev.mvirt.proto.api.v1.NodeStatusProto;
import dev.mvirt.proto.api.v1.ProjectStatusProto;
import dev.mvirt.proto.api.v1.SecurityGroupStatusProto;
import dev.mvirt.proto.api.v1.StatusProto;
import dev.mvirt.proto.api.v1.StoragePoolProto;
import dev.mvirt.proto.api.v1.TemplateStatusProto;
import dev.mvirt.proto.api.v1.VmStatusProto;
import dev.mvirt.proto.api.v1.VolumeStatusProto;
import java.util.ArrayList;
import java.util.List;

/** Maps every {@link Status} to its {@link StatusProto} case and back; decoding throws {@link CodecException}. */
final class StatusCodec {
    private StatusCodec() {}

    static StatusProto encode(Status status) {
        StatusProto.Builder b = StatusProto.newBuilder();
        switch (status) {
            case ProjectStatus s -> b.setProject(ProjectStatusProto.getDefaultInstance());
            case NodeStatus s -> b.setNode(node(s));
            case NetworkStatus s -> b.setNetwork(NetworkStatusProto.getDefaultInstance());
            case NicStatus s -> b.setNic(nic(s));
            case VolumeStatus s -> b.setVolume(volume(s));
            case TemplateStatus s -> b.setTemplate(template(s));
            case SecurityGroupStatus s ->
                b.setSecurityGroup(SecurityGroupStatusProto.newBuilder()
                        .setPhase(EnumCodec.resourcePhase(s.phase()))
                        .setMessage(s.message()));
            case VmStatus s -> b.setVm(vm(s));
            case LockStatus s ->
                b.setLock(LockStatusProto.newBuilder()
                        .setAcquiredAt(s.acquiredAt())
                        .setExpiresAt(s.expiresAt()));
        }
        return b.build();
    }

    static Status decode(StatusProto p, String field) {
        return switch (p.getKindCase()) {
            case PROJECT -> new ProjectStatus();
            case NODE -> node(p.getNode(), field + ".node");
            case NETWORK -> new NetworkStatus();
            case NIC -> nic(p.getNic(), field + ".nic");
            case VOLUME -> volume(p.getVolume(), field + ".volume");
            case TEMPLATE -> template(p.getTemplate(), field + ".template");
            case SECURITY_GROUP ->
                new SecurityGroupStatus(
                        EnumCodec.resourcePhase(p.getSecurityGroup().getPhaseValue(), field + ".security_group.phase"),
                        p.getSecurityGroup().getMessage());
            case VM -> vm(p.getVm(), field + ".vm");
            case LOCK -> new LockStatus(p.getLock().getAcquiredAt(), p.getLock().getExpiresAt());
            case KIND_NOT_SET -> throw Wire.unset(field, p.getUnknownFields());
        };
    }

    /** A node's status; also the facts of {@code RegisterNode}. */
    static NodeStatusProto node(NodeStatus s) {
        NodeStatusProto.Builder b = NodeStatusProto.newBuilder()
                .setPhase(EnumCodec.nodePhase(s.phase()))
                .setHostname(s.hostname())
                .setAddress(s.address())
                .setCpus(s.cpus())
                .setMemoryMib(s.memoryMib())
                .addAllHypervisors(s.hypervisors())
                .setAgentVersion(s.agentVersion());
        for (StoragePool pool : s.pools()) {
            b.addPools(StoragePoolProto.newBuilder()
                    .setName(pool.name())
                    .setTotalBytes(pool.totalBytes())
                    .setFreeBytes(pool.freeBytes()));
        }
        return b.build();
    }

    static NodeStatus node(NodeStatusProto p, String field) {
        List<StoragePool> pools = new ArrayList<>(p.getPoolsCount());
        for (StoragePoolProto pool : p.getPoolsList()) {
            pools.add(new StoragePool(pool.getName(), pool.getTotalBytes(), pool.getFreeBytes()));
        }
        return new NodeStatus(
                EnumCodec.nodePhase(p.getPhaseValue(), field + ".phase"),
                p.getHostname(),
                p.getAddress(),
                p.getCpus(),
                p.getMemoryMib(),
                pools,
                p.getHypervisorsList(),
                p.getAgentVersion());
    }

    private static NicStatusProto nic(NicStatus s) {
        return NicStatusProto.newBuilder()
                .setPhase(EnumCodec.resourcePhase(s.phase()))
                .setNode(s.node())
                .setTap(s.tap())
                .setMessage(s.message())
                .build();
    }

    private static NicStatus nic(NicStatusProto p, String field) {
        return new NicStatus(
                EnumCodec.resourcePhase(p.getPhaseValue(), field + ".phase"), p.getNode(), p.getTap(), p.getMessage());
    }

    private static VolumeStatusProto volume(VolumeStatus s) {
        return VolumeStatusProto.newBuilder()
                .setPhase(EnumCodec.resourcePhase(s.phase()))
                .setNode(s.node())
                .setPath(s.path())
                .setUsedBytes(s.usedBytes())
                .setRollbackGeneration(s.rollbackGeneration())
                .setMessage(s.message())
                .build();
    }

    private static VolumeStatus volume(VolumeStatusProto p, String field) {
        return new VolumeStatus(
                EnumCodec.resourcePhase(p.getPhaseValue(), field + ".phase"),
                p.getNode(),
                p.getPath(),
                p.getUsedBytes(),
                p.getRollbackGeneration(),
                p.getMessage());
    }

    private static TemplateStatusProto template(TemplateStatus s) {
        return TemplateStatusProto.newBuilder()
                .setPhase(EnumCodec.templatePhase(s.phase()))
                .setProgressBytes(s.progressBytes())
                .setSizeBytes(s.sizeBytes())
                .setMessage(s.message())
                .build();
    }

    private static TemplateStatus template(TemplateStatusProto p, String field) {
        return new TemplateStatus(
                EnumCodec.templatePhase(p.getPhaseValue(), field + ".phase"),
                p.getProgressBytes(),
                p.getSizeBytes(),
                p.getMessage());
    }

    private static VmStatusProto vm(VmStatus s) {
        return VmStatusProto.newBuilder()
                .setPhase(EnumCodec.vmPhase(s.phase()))
                .setNode(s.node())
                .setMessage(s.message())
                .setRebootGeneration(s.rebootGeneration())
                .setPid(s.pid())
                .build();
    }

    private static VmStatus vm(VmStatusProto p, String field) {
        return new VmStatus(
                EnumCodec.vmPhase(p.getPhaseValue(), field + ".phase"),
                p.getNode(),
                p.getMessage(),
                p.getRebootGeneration(),
                p.getPid());
    }
}
