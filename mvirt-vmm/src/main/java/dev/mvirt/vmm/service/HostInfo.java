package dev.mvirt.vmm.service;

import dev.mvirt.vmm.hypervisor.Hypervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this host offers: CPUs, memory, hugepages and acceleration, as SystemInfo reports it. */
public record HostInfo(
        int cpus,
        long memoryTotalBytes,
        long memoryAvailableBytes,
        long hugepagesTotal,
        long hugepagesFree,
        long hugepageSizeBytes,
        boolean hardwareAcceleration,
        String accelerationDetail,
        String hypervisor,
        String hypervisorVersion) {

    /** Reads /proc/meminfo and asks {@code h} about acceleration and its version. */
    public static HostInfo read(Hypervisor h) {
        String meminfo;
        try {
            meminfo = Files.readString(Path.of("/proc/meminfo"));
        } catch (IOException e) {
            meminfo = "";
        }
        return new HostInfo(
                Runtime.getRuntime().availableProcessors(),
                kib(meminfo, "MemTotal") * 1024,
                kib(meminfo, "MemAvailable") * 1024,
                kib(meminfo, "HugePages_Total"),
                kib(meminfo, "HugePages_Free"),
                kib(meminfo, "Hugepagesize") * 1024,
                h.acceleration().hardware(),
                h.acceleration().detail(),
                h.name(),
                h.version());
    }

    /** The number in /proc/meminfo's line {@code key:} (kB for sizes, a count for hugepages); 0 when absent. */
    static long kib(String meminfo, String key) {
        return meminfo.lines()
                .filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).strip().split("\\s+")[0])
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(0L);
    }
}
