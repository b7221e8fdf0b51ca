package dev.mvirt.vmm.hypervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the host facts {@link Acceleration#probe} needs. */
public final class HostProbe {
    private HostProbe() {}

    /** Probes this host's /dev/kvm, /proc/cpuinfo and /sys/module/kvm_pvm. */
    public static Acceleration acceleration() {
        Path kvm = Path.of("/dev/kvm");
        boolean usable = Files.exists(kvm) && Files.isReadable(kvm) && Files.isWritable(kvm);
        String cpuinfo;
        try {
            cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            cpuinfo = "";
        }
        return Acceleration.probe(usable, cpuinfo, Files.exists(Path.of("/sys/module/kvm_pvm")));
    }
}
