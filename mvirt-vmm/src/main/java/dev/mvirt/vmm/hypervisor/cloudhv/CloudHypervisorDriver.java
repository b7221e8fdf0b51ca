package dev.mvirt.vmm.hypervisor.cloudhv;

import dev.mvirt.vmm.hypervisor.Acceleration;
import dev.mvirt.vmm.hypervisor.Hypervisor;
import dev.mvirt.vmm.hypervisor.LaunchRequest;
import dev.mvirt.vmm.hypervisor.OsProcess;
import dev.mvirt.vmm.hypervisor.VersionProbe;
import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.ProcessRef;
import dev.mvirt.vmm.model.VmId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs VMs with cloud-hypervisor: one VMM process per VM started with {@code --api-socket}, configured and
 * driven through its REST API ({@code vm.create}, {@code vm.boot}, ...). Disk boot uses {@code firmware}
 * (rust-hypervisor-firmware or CLOUDHV.fd). cloud-hypervisor needs KVM.
 */
public final class CloudHypervisorDriver implements Hypervisor {
    static final String API_SOCKET = "api.sock";
    static final String LOG = "hypervisor.log";
    private static final long START_TIMEOUT_MS = 10_000;

    private final String binary;
    private final Path firmware;
    private final Acceleration acceleration;

    public CloudHypervisorDriver(String binary, Path firmware, Acceleration acceleration) {
        this.binary = binary;
        this.firmware = firmware;
        this.acceleration = acceleration;
    }

    @Override
    public String name() {
        return "cloud-hypervisor";
    }

    @Override
    public String version() {
        return VersionProbe.firstLine(binary, "--version");
    }

    @Override
    public Acceleration acceleration() {
        return acceleration;
    }

    @Override
    public VmProcess start(LaunchRequest req) {
        Path api = req.runDir().resolve(API_SOCKET);
        deleteStale(api, req.runDir().resolve(ChConfig.CONSOLE_SOCKET));
        Path log = req.runDir().resolve(LOG);
        OsProcess os = OsProcess.launch(List.of(binary, "--api-socket", "path=" + api), log);
        ChProcess p = new ChProcess(os, new ProcessRef(os.pid(), os.startedAtMs(), req.runDir()));
        try {
            awaitApi(p, os, log);
            p.api()
                    .put(
                            "vm.create",
                            Optional.of(ChConfig.vmConfig(req, firmware).toString()));
            p.api().put("vm.boot", Optional.empty());
            return p;
        } catch (RuntimeException e) {
            os.kill();
            throw new HypervisorException(
                    "cloud-hypervisor could not start the VM: " + e.getMessage() + "; stderr: "
                            + OsProcess.tail(log, 1024),
                    e);
        }
    }

    @Override
    public Optional<VmProcess> adopt(VmId id, ProcessRef ref) {
        return OsProcess.adopt(ref).map(os -> new ChProcess(os, ref));
    }

    private static void awaitApi(ChProcess p, OsProcess os, Path log) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!p.api().answers()) {
            if (os.exited().isDone()) {
                throw new HypervisorException(
                        "exited with status " + os.exited().getNow(-1));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new HypervisorException("API socket did not answer within " + START_TIMEOUT_MS + " ms");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HypervisorException("interrupted", e);
            }
        }
    }

    private static void deleteStale(Path... sockets) {
        for (Path s : sockets) {
            try {
                Files.deleteIfExists(s);
            } catch (IOException e) {
                throw new HypervisorException("cannot remove stale socket " + s + ": " + e.getMessage(), e);
            }
        }
    }
}
