package dev.mvirt.vmm;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.vmm.service.Limits;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the daemon is started with. {@code hypervisor} is {@code qemu}, {@code cloud-hypervisor},
 * {@code fake}, or {@code auto} (cloud-hypervisor when its binary is found, else QEMU).
 */
public record VmmConfig(
        Endpoint endpoint,
        Path dataDir,
        String hypervisor,
        Limits limits,
        String qemuBinary,
        String cloudHypervisorBinary,
        Path cloudHypervisorFirmware,
        long consoleLogBytes,
        Optional<Endpoint> tcp) {}
