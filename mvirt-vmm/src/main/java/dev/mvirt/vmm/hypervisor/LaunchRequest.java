package dev.mvirt.vmm.hypervisor;

import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.model.VmSpec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A validated VM to start. {@code runDir} is the VM's private directory for sockets and logs (exists, empty of
 * stale sockets); {@code seedImage} is the cloud-init seed to attach as an extra read-only disk.
 */
public record LaunchRequest(VmId id, VmSpec spec, Path runDir, Optional<Path> seedImage) {}
