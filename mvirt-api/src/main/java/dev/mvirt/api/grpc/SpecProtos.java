package dev.mvirt.api.grpc;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.proto.node.v1.Boot;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.NetworkDesired;
import dev.mvirt.proto.node.v1.NicDesired;
import dev.mvirt.proto.node.v1.ResourceKey;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.SecurityGroupDesired;
import dev.mvirt.proto.node.v1.Snapshot;
import dev.mvirt.proto.node.v1.TemplateDesired;
import dev.mvirt.proto.node.v1.VmDesired;
import dev.mvirt.proto.node.v1.VolumeDesired;
import java.util.Optional;

/** Maps model resources to the NodeService's {@link DesiredResource} messages, and kinds both ways. */
final class SpecProtos {
    private SpecProtos() {}

    /** The wire kind of a model kind that hosts realise; empty for the others (projects, nodes, locks). */
    static Optional<ResourceKind> kind(Kind kind) {
        return switch (kind) {
            case VM -> Optional.of(ResourceKind.RESOURCE_KIND_VM);
            case NIC -> Optional.of(ResourceKind.RESOURCE_KIND_NIC);
            case VOLUME -> Optional.of(ResourceKind.RESOURCE_KIND_VOLUME);
            case TEMPLATE -> Optional.of(ResourceKind.RESOURCE_KIND_TEMPLATE);
            case SECURITY_GROUP -> Optional.of(ResourceKind.RESOURCE_KIND_SECURITY_GROUP);
            case NETWORK -> Optional.of(ResourceKind.RESOURCE_KIND_NETWORK);
            case PROJECT, NODE, LOCK -> Optional.empty();
        };
    }

    /** The model kind of a wire kind; empty for UNSPECIFIED or values this server does not know. */
    static Optional<Kind> kind(ResourceKind kind) {
        return switch (kind) {
            case RESOURCE_KIND_VM -> Optional.of(Kind.VM);
            case RESOURCE_KIND_NIC -> Optional.of(Kind.NIC);
            case RESOURCE_KIND_VOLUME -> Optional.of(Kind.VOLUME);
            case RESOURCE_KIND_TEMPLATE -> Optional.of(Kind.TEMPLATE);
            case RESOURCE_KIND_SECURITY_GROUP -> Optional.of(Kind.SECURITY_GROUP);
            case RESOURCE_KIND_NETWORK -> Optional.of(Kind.NETWORK);
            case RESOURCE_KIND_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }

    static ResourceKey key(DesiredView.Key key) {
        return ResourceKey.newBuilder()
                .setKind(kind(key.kind()).orElseThrow())
                .setId(key.id())
                .build();
    }

    /** The resource as its host should realise it. */
    static DesiredResource desired(Resource<?, ?> r) {
        DesiredResource.Builder b = DesiredResource.newBuilder()
                .setKey(key(new DesiredView.Key(r.kind(), r.id())))
                .setName(r.name())
                .setProject(r.meta().project())
                .setRevision(r.revision());
        Spec spec = r.spec();
        switch (spec) {
            case VmSpec s -> b.setVm(vm(s));
            case NicSpec s -> b.setNic(nic(s));
            case VolumeSpec s -> b.setVolume(volume(s));
            case TemplateSpec s ->
                b.setTemplate(TemplateDesired.newBuilder().setSource(s.source()).setFormat(s.format()));
            case SecurityGroupSpec s -> b.setSecurityGroup(securityGroup(s));
            case NetworkSpec s -> b.setNetwork(network(s));
            default ->
                throw new IllegalArgumentException(
                        "hosts do not realise " + r.kind().plural());
        }
        return b.build();
    }

    /** True when both describe the same desired state (revisions aside). */
    static boolean sameSpec(DesiredResource a, DesiredResource b) {
        return a.toBuilder()
                .clearRevision()
                .build()
                .equals(b.toBuilder().clearRevision().build());
    }

    private static VmDesired vm(VmSpec s) {
        return VmDesired.newBuilder()
                .setVcpus(s.vcpus())
                .setMemoryMib(s.memoryMib())
                .setBoot(Boot.newBuilder()
                        .setKernel(s.boot().kernel())
                        .setInitramfs(s.boot().initramfs())
                        .setCmdline(s.boot().cmdline())
                        .setVolume(s.boot().volume()))
                .addAllVolumes(s.volumes())
                .addAllNics(s.nics())
                .setUserData(s.userData())
                .addAllSshKeys(s.sshKeys())
                .setHypervisor(s.hypervisor())
                .setRunning(s.desired() == VmSpec.DesiredState.RUNNING)
                .setForceStop(s.stopMode() == VmSpec.StopMode.FORCE)
                .setRebootGeneration(s.rebootGeneration())
                .build();
    }

    private static NicDesired nic(NicSpec s) {
        return NicDesired.newBuilder()
                .setNetwork(s.network())
                .setMac(s.mac())
                .setIpv4(s.ipv4())
                .setIpv6(s.ipv6())
                .addAllRoutedPrefixes(s.routedPrefixes())
                .addAllSecurityGroups(s.securityGroups())
                .setVm(s.vm())
                .build();
    }

    private static VolumeDesired volume(VolumeSpec s) {
        VolumeDesired.Builder b = VolumeDesired.newBuilder()
                .setSizeBytes(s.sizeBytes())
                .setTemplate(s.template())
                .setPool(s.pool())
                .setRollbackTo(s.rollbackTo())
                .setRollbackGeneration(s.rollbackGeneration());
        s.snapshots()
                .forEach(sn ->
                        b.addSnapshots(Snapshot.newBuilder().setName(sn.name()).setCreatedAt(sn.createdAt())));
        return b.build();
    }

    private static SecurityGroupDesired securityGroup(SecurityGroupSpec s) {
        SecurityGroupDesired.Builder b = SecurityGroupDesired.newBuilder();
        for (Rule r : s.rules()) {
            b.addRules(dev.mvirt.proto.node.v1.Rule.newBuilder()
                    .setDirection(r.direction().name())
                    .setProtocol(r.protocol().name())
                    .setPortFrom(r.portFrom())
                    .setPortTo(r.portTo())
                    .setCidr(r.cidr())
                    .setPeerGroup(r.peerGroup()));
        }
        return b.build();
    }

    private static NetworkDesired network(NetworkSpec s) {
        return NetworkDesired.newBuilder()
                .setIpv4Cidr(s.ipv4Cidr())
                .setIpv6Cidr(s.ipv6Cidr())
                .addAllDns(s.dns())
                .addAllNtp(s.ntp())
                .setNat(s.nat())
                .build();
    }
}
