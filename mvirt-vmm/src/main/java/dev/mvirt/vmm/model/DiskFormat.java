package dev.mvirt.vmm.model;

/** Disk image formats; RAW covers raw files and block devices. */
public enum DiskFormat {
    RAW,
    QCOW2
}
