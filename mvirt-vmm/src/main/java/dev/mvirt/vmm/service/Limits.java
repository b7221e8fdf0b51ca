package dev.mvirt.vmm.service;

import java.nio.file.Path;
import java.util.List;

/** What this host accepts: CPU and memory bounds, and the directories images and kernels must lie under. */
public record Limits(int maxVcpus, long minMemoryMib, long maxMemoryMib, List<Path> imageDirs) {
    public Limits {
        imageDirs = imageDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }
}
