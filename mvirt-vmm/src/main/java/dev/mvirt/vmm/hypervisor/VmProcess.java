package dev.mvirt.vmm.hypervisor;

import dev.mvirt.vmm.model.ProcessRef;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A running hypervisor process. Control calls throw {@link dev.mvirt.vmm.model.HypervisorException} when the
 * hypervisor refuses or cannot be reached; {@link #exit()} completes once the process is gone, whoever ended it.
 */
public interface VmProcess {

    ProcessRef ref();

    /** The unix socket of the serial console (one client at a time). */
    Path consoleSocket();

    /** Presses the ACPI power button; the guest decides when to power off. */
    void powerButton();

    /** Resets the guest; the process keeps running. */
    void reboot();

    /**
     * Ends the hypervisor in an orderly way without the guest's cooperation (QEMU: QMP {@code quit};
     * cloud-hypervisor: {@code vm.shutdown}, {@code vm.delete}, {@code vmm.shutdown}). The caller still waits for
     * {@link #exit()} and falls back to {@link #kill()}.
     */
    void quit();

    /** Ends the process at once with SIGKILL. */
    void kill();

    /** Completes when the process has exited. */
    CompletableFuture<ProcessExit> exit();

    /** Releases connections to the process without stopping it (daemon shutdown). */
    void detach();
}
