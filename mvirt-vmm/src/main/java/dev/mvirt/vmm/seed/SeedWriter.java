package dev.mvirt.vmm.seed;

import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.VmId;
import java.nio.file.Path;

/**
 * Writes a VM's cloud-init NoCloud seed image. Called by the service before each start (the seed follows the
 * spec); failures are {@link dev.mvirt.vmm.model.HypervisorException}s naming the VM.
 */
public interface SeedWriter {
    /** Writes the seed for {@code id} into {@code dir} and returns the image file. */
    Path write(VmId id, CloudInit cloudInit, Path dir);
}
