package dev.mvirt.vmm.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.vmm.hypervisor.LaunchRequest;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.DiskFormat;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.NicSpec;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.model.VmSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QemuArgsTest {
    private static final Path RUN = Path.of("/var/lib/mvirt/vms/vm-1");

    @Test
    void directBootUnderTcgWithDisksNicSeedAndSockets() {
        VmSpec spec = new VmSpec(
                "web",
                2,
                512,
                Optional.of(
                        new DirectBoot(Path.of("/img/vmlinuz"), Optional.of(Path.of("/img/initrd")), "console=ttyS0")),
                List.of(new DiskSpec(Path.of("/img/a,b.qcow2"), DiskFormat.QCOW2, false)),
                List.of(new NicSpec("tap0", "52:54:00:00:00:01")),
                Optional.empty());
        List<String> a = QemuArgs.build(
                "qemu-system-x86_64",
                new LaunchRequest(new VmId("vm-1"), spec, RUN, Optional.of(RUN.resolve("seed.iso"))),
                false);
        String line = String.join(" ", a);
        assertThat(a.getFirst()).isEqualTo("qemu-system-x86_64");
        assertThat(line)
                .contains("-accel tcg", "-smp 2", "-m 512M", "-kernel /img/vmlinuz", "-initrd /img/initrd")
                .contains("-append console=ttyS0")
                .contains("-qmp unix:" + RUN + "/qmp.sock,server=on,wait=off")
                .contains("socket,id=serial0,path=" + RUN + "/console.sock,server=on,wait=off")
                .contains("file=/img/a,,b.qcow2,format=qcow2,if=none,id=disk0")
                .contains("file=" + RUN + "/seed.iso,format=raw,if=none,id=seed,readonly=on")
                .contains("tap,id=net0,ifname=tap0,script=no,downscript=no,vhost=off")
                .contains("virtio-net-pci,netdev=net0,mac=52:54:00:00:00:01")
                .doesNotContain("bootindex");
        assertThat(a).doesNotContain("-enable-kvm", "-cpu");
    }

    @Test
    void diskBootMarksTheFirstDiskBootableAndKvmUsesTheHostCpu() {
        VmSpec spec = new VmSpec(
                "db",
                1,
                256,
                Optional.empty(),
                List.of(new DiskSpec(Path.of("/dev/zvol/pool/db"), DiskFormat.RAW, false)),
                List.of(),
                Optional.empty());
        String line = String.join(
                " ", QemuArgs.build("qemu", new LaunchRequest(new VmId("vm-2"), spec, RUN, Optional.empty()), true));
        assertThat(line)
                .contains("-accel kvm -cpu host", "virtio-blk-pci,drive=disk0,bootindex=1")
                .doesNotContain("-kernel");
    }
}
