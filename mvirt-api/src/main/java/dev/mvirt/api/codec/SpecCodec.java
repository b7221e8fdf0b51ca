package dev.mvirt.api.codec;

import dev.mvirt.api.model.Boot;
import dev.mvirt.api.model.LockSpec;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.Snapshot;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.proto.api.v1.BootProto;
import dev.mvirt.proto.api.v1.LockSpecProto;
import dev.mvirt.proto.api.v1.NetworkSpecProto;
import dev.mvirt.proto.api.v1.NicSpecProto;
import dev.mvirt.proto.api.v1.NodeSpecProto;
import dev.mvirt.proto.api.v1.ProjectSpecProto;
import dev.mvirt.proto.api.v1.RuleProto;
import dev.mvirt.proto.api.v1.SecurityGroupSpecProto;
import dev.mvirt.proto.api.v1.SpecProto;
import dev.mvirt.proto.api.v1.TemplateSpecProto;
import dev.mvirt.proto.api.v1.VmSpecProto;
import dev.mvirt.proto.api.v1.VolumeSnapshotProto;
import dev.mvirt.proto.api.v1.VolumeSpecProto;
import java.util.ArrayList;
import java.util.List;

/** Maps every {@link Spec} to its {@link SpecProto} case and back; decoding throws {@link CodecException}. */
final class SpecCodec {
    private SpecCodec() {}

    static SpecProto encode(Spec spec) {
        SpecProto.Builder b = SpecProto.newBuilder();
        switch (spec) {
            case ProjectSpec s -> b.setProject(ProjectSpecProto.newBuilder().setDescription(s.description()));
            case NodeSpec s ->
                b.setNode(NodeSpecProto.newBuilder().setCordoned(s.cordoned()).setDraining(s.draining()));
            case NetworkSpec s -> b.setNetwork(network(s));
            case NicSpec s -> b.setNic(nic(s));
            case VolumeSpec s -> b.setVolume(volume(s));
            case TemplateSpec s ->
                b.setTemplate(TemplateSpecProto.newBuilder()
                        .setNode(s.node())
                        .setSource(s.source())
                        .setFormat(s.format()));
            case SecurityGroupSpec s -> b.setSecurityGroup(securityGroup(s));
            case VmSpec s -> b.setVm(vm(s));
            case LockSpec s ->
                b.setLock(LockSpecProto.newBuilder().setOwner(s.owner()).setTtlMillis(s.ttlMillis()));
        }
        return b.build();
    }

    static Spec decode(SpecProto p, String field) {
        return switch (p.getKindCase()) {
            case PROJECT -> new ProjectSpec(p.getProject().getDescription());
            case NODE -> new NodeSpec(p.getNode().getCordoned(), p.getNode().getDraining());
            case NETWORK -> network(p.getNetwork());
            case NIC -> nic(p.getNic());
            case VOLUME -> volume(p.getVolume());
            case TEMPLATE -> template(p.getTemplate());
            case SECURITY_GROUP -> securityGroup(p.getSecurityGroup(), field + ".security_group");
            case VM -> vm(p.getVm(), field + ".vm");
            case LOCK -> new LockSpec(p.getLock().getOwner(), p.getLock().getTtlMillis());
            case KIND_NOT_SET -> throw Wire.unset(field, p.getUnknownFields());
        };
    }

    private static NetworkSpecProto network(NetworkSpec s) {
        return NetworkSpecProto.newBuilder()
                .setIpv4Cidr(s.ipv4Cidr())
                .setIpv6Cidr(s.ipv6Cidr())
                .addAllDns(s.dns())
                .addAllNtp(s.ntp())
                .setNat(s.nat())
                .build();
    }

    private static NetworkSpec network(NetworkSpecProto p) {
        return new NetworkSpec(p.getIpv4Cidr(), p.getIpv6Cidr(), p.getDnsList(), p.getNtpList(), p.getNat());
    }

    private static NicSpecProto nic(NicSpec s) {
        return NicSpecProto.newBuilder()
                .setNetwork(s.network())
                .setMac(s.mac())
                .setIpv4(s.ipv4())
                .setIpv6(s.ipv6())
                .addAllRoutedPrefixes(s.routedPrefixes())
                .addAllSecurityGroups(s.securityGroups())
                .setVm(s.vm())
                .build();
    }

    private static NicSpec nic(NicSpecProto p) {
        return new NicSpec(
                p.getNetwork(),
                p.getMac(),
                p.getIpv4(),
                p.getIpv6(),
                p.getRoutedPrefixesList(),
                p.getSecurityGroupsList(),
                p.getVm());
    }

    private static VolumeSpecProto volume(VolumeSpec s) {
        VolumeSpecProto.Builder b = VolumeSpecProto.newBuilder()
                .setNode(s.node())
                .setSizeBytes(s.sizeBytes())
                .setTemplate(s.template())
                .setPool(s.pool())
                .setRollbackTo(s.rollbackTo())
                .setRollbackGeneration(s.rollbackGeneration());
        for (Snapshot snap : s.snapshots()) {
            b.addSnapshots(VolumeSnapshotProto.newBuilder().setName(snap.name()).setCreatedAt(snap.createdAt()));
        }
        return b.build();
    }

    private static VolumeSpec volume(VolumeSpecProto p) {
        List<Snapshot> snaps = new ArrayList<>(p.getSnapshotsCount());
        for (VolumeSnapshotProto s : p.getSnapshotsList()) {
            snaps.add(new Snapshot(s.getName(), s.getCreatedAt()));
        }
        return new VolumeSpec(
                p.getNode(),
                p.getSizeBytes(),
                p.getTemplate(),
                p.getPool(),
                snaps,
                p.getRollbackTo(),
                p.getRollbackGeneration());
    }

    private static TemplateSpec template(TemplateSpecProto p) {
        return new TemplateSpec(p.getNode(), p.getSource(), p.getFormat());
    }

    private static SecurityGroupSpecProto securityGroup(SecurityGroupSpec s) {
        SecurityGroupSpecProto.Builder b = SecurityGroupSpecProto.newBuilder().setDescription(s.description());
        for (Rule r : s.rules()) {
            b.addRules(RuleProto.newBuilder()
                    .setDirection(EnumCodec.direction(r.direction()))
                    .setProtocol(EnumCodec.protocol(r.protocol()))
                    .setPortFrom(r.portFrom())
                    .setPortTo(r.portTo())
                    .setCidr(r.cidr())
                    .setPeerGroup(r.peerGroup()));
        }
        return b.build();
    }

    private static SecurityGroupSpec securityGroup(SecurityGroupSpecProto p, String field) {
        List<Rule> rules = new ArrayList<>(p.getRulesCount());
        for (int i = 0; i < p.getRulesCount(); i++) {
            RuleProto r = p.getRules(i);
            String f = field + ".rules[" + i + "]";
            rules.add(new Rule(
                    EnumCodec.direction(r.getDirectionValue(), f + ".direction"),
                    EnumCodec.protocol(r.getProtocolValue(), f + ".protocol"),
                    r.getPortFrom(),
                    r.getPortTo(),
                    r.getCidr(),
                    r.getPeerGroup()));
        }
        return new SecurityGroupSpec(p.getDescription(), rules);
    }

    private static VmSpecProto vm(VmSpec s) {
        Boot boot = s.boot();
        return VmSpecProto.newBuilder()
                .setVcpus(s.vcpus())
                .setMemoryMib(s.memoryMib())
                .setBoot(BootProto.newBuilder()
                        .setKernel(boot.kernel())
                        .setInitramfs(boot.initramfs())
                        .setCmdline(boot.cmdline())
                        .setVolume(boot.volume()))
                .addAllVolumes(s.volumes())
                .addAllNics(s.nics())
                .setUserData(s.userData())
                .addAllSshKeys(s.sshKeys())
                .putAllNodeSelector(Wire.sorted(s.nodeSelector()))
                .setAntiAffinityGroup(s.antiAffinityGroup())
                .setHypervisor(s.hypervisor())
                .setDesired(EnumCodec.desired(s.desired()))
                .setStopMode(EnumCodec.stopMode(s.stopMode()))
                .setRebootGeneration(s.rebootGeneration())
                .build();
    }

    private static VmSpec vm(VmSpecProto p, String field) {
        Wire.require(p.hasBoot(), field + ".boot");
        BootProto b = p.getBoot();
        return new VmSpec(
                p.getVcpus(),
                p.getMemoryMib(),
                new Boot(b.getKernel(), b.getInitramfs(), b.getCmdline(), b.getVolume()),
                p.getVolumesList(),
                p.getNicsList(),
                p.getUserData(),
                p.getSshKeysList(),
                p.getNodeSelectorMap(),
                p.getAntiAffinityGroup(),
                p.getHypervisor(),
                EnumCodec.desired(p.getDesiredValue(), field + ".desired"),
                EnumCodec.stopMode(p.getStopModeValue(), field + ".stop_mode"),
                p.getRebootGeneration());
    }
}
