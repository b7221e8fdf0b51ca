package dev.mvirt.vmm.hypervisor.qemu;

import dev.mvirt.vmm.hypervisor.LaunchRequest;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.DiskFormat;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.NicSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the qemu-system-x86_64 argv for a launch request (pure; paths already validated). */
final class QemuArgs {
    static final String QMP_SOCKET = "qmp.sock";
    static final String CONSOLE_SOCKET = "console.sock";

    private QemuArgs() {}

    static List<String> build(String binary, LaunchRequest req, boolean kvm) {
        Path run = req.runDir();
        List<String> a = new ArrayList<>(List.of(binary, "-name", req.spec().name()));
        a.addAll(List.of("-machine", "q35", "-accel", kvm ? "kvm" : "tcg"));
        if (kvm) {
            a.addAll(List.of("-cpu", "host"));
        }
        a.addAll(List.of(
                "-smp", Integer.toString(req.spec().vcpus()), "-m", req.spec().memoryMib() + "M"));
        a.addAll(List.of("-nodefaults", "-no-user-config", "-display", "none"));
        a.addAll(List.of("-qmp", "unix:" + escape(run.resolve(QMP_SOCKET)) + ",server=on,wait=off"));
        a.addAll(List.of(
                "-chardev", "socket,id=serial0,path=" + escape(run.resolve(CONSOLE_SOCKET)) + ",server=on,wait=off"));
        a.addAll(List.of("-serial", "chardev:serial0"));
        req.spec().directBoot().ifPresent(boot -> addDirectBoot(a, boot));
        List<DiskSpec> disks = req.spec().disks();
        for (int i = 0; i < disks.size(); i++) {
            addDisk(
                    a,
                    "disk" + i,
                    disks.get(i),
                    i == 0 && req.spec().directBoot().isEmpty());
        }
        req.seedImage().ifPresent(seed -> addDisk(a, "seed", new DiskSpec(seed, DiskFormat.RAW, true), false));
        List<NicSpec> nics = req.spec().nics();
        for (int i = 0; i < nics.size(); i++) {
            addNic(a, "net" + i, nics.get(i));
        }
        return a;
    }

    private static void addDirectBoot(List<String> a, DirectBoot boot) {
        a.addAll(List.of("-kernel", boot.kernel().toString()));
        boot.initramfs().ifPresent(i -> a.addAll(List.of("-initrd", i.toString())));
        a.addAll(List.of("-append", boot.cmdline()));
    }

    private static void addDisk(List<String> a, String id, DiskSpec disk, boolean boot) {
        String format = disk.format() == DiskFormat.QCOW2 ? "qcow2" : "raw";
        String drive = "file=" + escape(disk.path()) + ",format=" + format + ",if=none,id=" + id;
        a.addAll(List.of("-drive", disk.readonly() ? drive + ",readonly=on" : drive));
        a.addAll(List.of("-device", "virtio-blk-pci,drive=" + id + (boot ? ",bootindex=1" : "")));
    }

    private static void addNic(List<String> a, String id, NicSpec nic) {
        a.addAll(List.of("-netdev", "tap,id=" + id + ",ifname=" + nic.tap() + ",script=no,downscript=no,vhost=off"));
        a.addAll(List.of("-device", "virtio-net-pci,netdev=" + id + ",mac=" + nic.mac()));
    }

    /** QEMU option values separate with commas; a literal comma is doubled. */
    private static String escape(Path p) {
        return p.toString().replace(",", ",,");
    }
}
