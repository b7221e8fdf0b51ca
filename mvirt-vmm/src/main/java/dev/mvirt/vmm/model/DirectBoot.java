package dev.mvirt.vmm.model;

import java.nio.file.Path;
import java.util.Optional;

/** Boot a kernel directly (no firmware, no boot loader). */
public record DirectBoot(Path kernel, Optional<Path> initramfs, String cmdline) {}
