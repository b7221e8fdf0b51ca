package dev.mvirt.vmm.model;

import java.nio.file.Path;

/** A disk attached on virtio-blk. */
public record DiskSpec(Path path, DiskFormat format, boolean readonly) {}
