package dev.mvirt.vmm.model;

import java.util.List;
import java.util.Optional;

/**
 * What a VM should be. Without {@code directBoot} the VM boots from its first disk. Validated by the service
 * before it is stored (see {@code SpecValidator}); a VmSpec itself only holds data.
 */
public record VmSpec(
        String name,
        int vcpus,
        long memoryMib,
        Optional<DirectBoot> directBoot,
        List<DiskSpec> disks,
        List<NicSpec> nics,
        Optional<CloudInit> cloudInit) {
    public VmSpec {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }
}
