package dev.mvirt.vmm.hypervisor.qemu;

import dev.mvirt.common.testing.HostAssumptions;
import dev.mvirt.vmm.hypervisor.Acceleration;
import dev.mvirt.vmm.hypervisor.HostProbe;
import dev.mvirt.vmm.hypervisor.Hypervisor;
import dev.mvirt.vmm.hypervisor.HypervisorContract;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.DiskFormat;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.NicSpec;
import dev.mvirt.vmm.model.VmSpec;
import dev.mvirt.vmm.testing.DemoGuest;
import dev.mvirt.vmm.testing.SocketConsole;
import dev.mvirt.vmm.testing.Tap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The Hypervisor contract against real QEMU (TCG here), booting the demo guest with two disks and a TAP NIC. */
@Tag("host")
class QemuDriverHostTest extends HypervisorContract {
    private final Acceleration accel = HostProbe.acceleration();
    private Tap tap = Tap.none();

    @BeforeEach
    void requireHost() throws Exception {
        HostAssumptions.assumeCommand("qemu-system-x86_64");
        HostAssumptions.assumeCommand("qemu-img");
        HostAssumptions.assumeRoot();
        tap = Tap.create();
    }

    @AfterEach
    void removeTap() {
        tap.close();
    }

    @Override
    protected Hypervisor hypervisor() {
        return new QemuDriver("qemu-system-x86_64", accel);
    }

    @Override
    protected Hypervisor restarted() {
        return new QemuDriver("qemu-system-x86_64", accel);
    }

    @Override
    protected VmSpec bootableSpec() throws Exception {
        Path guest = DemoGuest.dir();
        Path raw = Tap.run(tmp, "qemu-img", "create", "-f", "raw", "disk.raw", "8M")
                .resolve("disk.raw");
        Path qcow = Tap.run(tmp, "qemu-img", "create", "-f", "qcow2", "disk.qcow2", "8M")
                .resolve("disk.qcow2");
        return new VmSpec(
                "qemu-contract",
                1,
                256,
                Optional.of(new DirectBoot(
                        guest.resolve("vmlinuz"), Optional.of(guest.resolve("initramfs.cpio.gz")), DemoGuest.CMDLINE)),
                List.of(new DiskSpec(raw, DiskFormat.RAW, false), new DiskSpec(qcow, DiskFormat.QCOW2, true)),
                List.of(new NicSpec(tap.name(), "52:54:00:12:34:56")),
                Optional.empty());
    }

    @Override
    protected Duration bootTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    protected void checkBootedGuest(SocketConsole console) throws Exception {
        console.type("echo disks=$(ls /sys/block | grep vd | tr '\\n' ,)\n");
        console.await("disks=vda,vdb,", Duration.ofSeconds(20));
        console.type("cat /sys/class/net/eth0/address\n");
        console.await("52:54:00:12:34:56\r\n", Duration.ofSeconds(20));
    }
}
