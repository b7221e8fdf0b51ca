package dev.mvirt.vmm.hypervisor;

import dev.mvirt.vmm.model.ProcessRef;
import dev.mvirt.vmm.model.VmId;
import java.util.Optional;

/**
 * A hypervisor driver: starts VM processes and re-attaches to ones started by an earlier daemon. Processes run
 * in their own session, so they outlive the daemon. Implementations are thread-safe; the service calls them from
 * its request threads. Failures are {@link dev.mvirt.vmm.model.HypervisorException}s whose message says why.
 */
public interface Hypervisor {

    /** Short name reported to clients: {@code qemu}, {@code cloud-hypervisor}, {@code fake}. */
    String name();

    /** The hypervisor's version text, or a short reason it is unknown. */
    String version();

    /** Whether hardware acceleration really works here, and why (or why not). */
    Acceleration acceleration();

    /**
     * Starts the VM and returns once the hypervisor has accepted its configuration (its control socket answers).
     * On failure nothing is left running and the exception carries the exit status and the tail of stderr.
     */
    VmProcess start(LaunchRequest request);

    /**
     * Re-attaches to a process this driver started earlier (same pid, same start time, same run directory).
     * Empty when it is gone or the pid now belongs to another process.
     */
    Optional<VmProcess> adopt(VmId id, ProcessRef ref);
}
