package dev.mvirt.vmm.model;

import java.nio.file.Path;

/** Identifies a hypervisor process across daemon restarts: pid, its start time, and the VM's run directory. */
public record ProcessRef(long pid, long startedAtMs, Path runDir) {}
