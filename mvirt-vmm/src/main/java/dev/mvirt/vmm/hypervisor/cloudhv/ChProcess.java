package dev.mvirt.vmm.hypervisor.cloudhv;

import dev.mvirt.vmm.hypervisor.OsProcess;
import dev.mvirt.vmm.hypervisor.ProcessExit;
import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.ProcessRef;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A running cloud-hypervisor VMM with one VM, driven through its API socket. */
final class ChProcess implements VmProcess {
    private final OsProcess os;
    private final ProcessRef ref;
    private final ChApi api;
    private final CompletableFuture<ProcessExit> exit;

    ChProcess(OsProcess os, ProcessRef ref) {
        this.os = os;
        this.ref = ref;
        this.api = new ChApi(ref.runDir().resolve(CloudHypervisorDriver.API_SOCKET));
        this.exit = os.exited()
                .thenApply(status -> new ProcessExit(
                        status, false, OsProcess.tail(ref.runDir().resolve(CloudHypervisorDriver.LOG), 1024)));
    }

    ChApi api() {
        return api;
    }

    /** The VM's state as cloud-hypervisor reports it ({@code vm.info}). */
    String state() {
        return api.vmState();
    }

    @Override
    public ProcessRef ref() {
        return ref;
    }

    @Override
    public Path consoleSocket() {
        return ref.runDir().resolve(ChConfig.CONSOLE_SOCKET);
    }

    @Override
    public void powerButton() {
        api.put("vm.power-button", Optional.empty());
    }

    @Override
    public void reboot() {
        api.put("vm.reboot", Optional.empty());
    }

    @Override
    public void quit() {
        api.put("vm.shutdown", Optional.empty());
        api.put("vm.delete", Optional.empty());
        api.put("vmm.shutdown", Optional.empty());
    }

    @Override
    public void kill() {
        os.kill();
    }

    @Override
    public CompletableFuture<ProcessExit> exit() {
        return exit;
    }

    @Override
    public void detach() {
        // one connection per request: nothing held open
    }
}
