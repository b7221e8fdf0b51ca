package dev.mvirt.vmm.grpc;

import dev.mvirt.proto.vmm.v1.SystemInfoResponse;
import dev.mvirt.proto.vmm.v1.VmPhase;
import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.DiskFormat;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.InvalidSpecException;
import dev.mvirt.vmm.model.NicSpec;
import dev.mvirt.vmm.model.Phase;
import dev.mvirt.vmm.model.Vm;
import dev.mvirt.vmm.model.VmSpec;
import dev.mvirt.vmm.service.HostInfo;
import java.nio.file.Path;
import java.util.Optional;

/** Maps between the protobuf messages of VmService and the model (the only place that knows both). */
final class ProtoCodec {
    private ProtoCodec() {}

    static VmSpec spec(dev.mvirt.proto.vmm.v1.VmSpec p) {
        Optional<DirectBoot> boot = p.getDirectBoot().getKernel().isEmpty()
                ? Optional.empty()
                : Optional.of(new DirectBoot(
                        path("directBoot.kernel", p.getDirectBoot().getKernel()),
                        p.getDirectBoot().getInitramfs().isEmpty()
                                ? Optional.empty()
                                : Optional.of(path(
                                        "directBoot.initramfs",
                                        p.getDirectBoot().getInitramfs())),
                        p.getDirectBoot().getCmdline()));
        var disks = p.getDisksList().stream()
                .map(d -> new DiskSpec(
                        path("disks.path", d.getPath()),
                        d.getFormat() == dev.mvirt.proto.vmm.v1.DiskFormat.DISK_FORMAT_QCOW2
                                ? DiskFormat.QCOW2
                                : DiskFormat.RAW,
                        d.getReadonly()))
                .toList();
        var nics = p.getNicsList().stream()
                .map(n -> new NicSpec(n.getTap(), n.getMac()))
                .toList();
        Optional<CloudInit> ci = p.hasCloudInit()
                ? Optional.of(new CloudInit(
                        p.getCloudInit().getHostname().isEmpty()
                                ? p.getName()
                                : p.getCloudInit().getHostname(),
                        p.getCloudInit().getUserData(),
                        p.getCloudInit().getSshAuthorizedKeysList(),
                        p.getCloudInit().getNetworkConfig()))
                : Optional.empty();
        return new VmSpec(p.getName(), p.getVcpus(), p.getMemoryMib(), boot, disks, nics, ci);
    }

    static dev.mvirt.proto.vmm.v1.VmSpec spec(VmSpec s) {
        var b = dev.mvirt.proto.vmm.v1.VmSpec.newBuilder()
                .setName(s.name())
                .setVcpus(s.vcpus())
                .setMemoryMib(s.memoryMib());
        s.directBoot()
                .ifPresent(d -> b.setDirectBoot(dev.mvirt.proto.vmm.v1.DirectBoot.newBuilder()
                        .setKernel(d.kernel().toString())
                        .setInitramfs(d.initramfs().map(Path::toString).orElse(""))
                        .setCmdline(d.cmdline())));
        s.disks()
                .forEach(d -> b.addDisks(dev.mvirt.proto.vmm.v1.Disk.newBuilder()
                        .setPath(d.path().toString())
                        .setFormat(
                                d.format() == DiskFormat.QCOW2
                                        ? dev.mvirt.proto.vmm.v1.DiskFormat.DISK_FORMAT_QCOW2
                                        : dev.mvirt.proto.vmm.v1.DiskFormat.DISK_FORMAT_RAW)
                        .setReadonly(d.readonly())));
        s.nics()
                .forEach(n -> b.addNics(
                        dev.mvirt.proto.vmm.v1.Nic.newBuilder().setTap(n.tap()).setMac(n.mac())));
        s.cloudInit()
                .ifPresent(c -> b.setCloudInit(dev.mvirt.proto.vmm.v1.CloudInit.newBuilder()
                        .setHostname(c.hostname())
                        .setUserData(c.userData())
                        .addAllSshAuthorizedKeys(c.sshAuthorizedKeys())
                        .setNetworkConfig(c.networkConfig())));
        return b.build();
    }

    static dev.mvirt.proto.vmm.v1.Vm vm(Vm vm) {
        return dev.mvirt.proto.vmm.v1.Vm.newBuilder()
                .setId(vm.id().value())
                .setSpec(spec(vm.spec()))
                .setPhase(phase(vm.phase()))
                .setMessage(vm.message())
                .setPid(vm.pid())
                .setHypervisor(vm.hypervisor())
                .setCreatedAtMs(vm.createdAt().toEpochMilli())
                .setPhaseChangedAtMs(vm.phaseChangedAt().toEpochMilli())
                .build();
    }

    static VmPhase phase(Phase p) {
        return switch (p) {
            case STOPPED -> VmPhase.VM_PHASE_STOPPED;
            case STARTING -> VmPhase.VM_PHASE_STARTING;
            case RUNNING -> VmPhase.VM_PHASE_RUNNING;
            case STOPPING -> VmPhase.VM_PHASE_STOPPING;
            case FAILED -> VmPhase.VM_PHASE_FAILED;
        };
    }

    static SystemInfoResponse systemInfo(HostInfo h) {
        return SystemInfoResponse.newBuilder()
                .setCpus(h.cpus())
                .setMemoryTotalBytes(h.memoryTotalBytes())
                .setMemoryAvailableBytes(h.memoryAvailableBytes())
                .setHugepagesTotal(h.hugepagesTotal())
                .setHugepagesFree(h.hugepagesFree())
                .setHugepageSizeBytes(h.hugepageSizeBytes())
                .setHardwareAcceleration(h.hardwareAcceleration())
                .setAccelerationDetail(h.accelerationDetail())
                .setHypervisor(h.hypervisor())
                .setHypervisorVersion(h.hypervisorVersion())
                .build();
    }

    private static Path path(String field, String text) {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidSpecException(field, "not a path: " + e.getMessage());
        }
    }
}
