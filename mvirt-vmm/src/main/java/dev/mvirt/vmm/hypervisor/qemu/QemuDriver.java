package dev.mvirt.vmm.hypervisor.qemu;

import dev.mvirt.vmm.hypervisor.Acceleration;
import dev.mvirt.vmm.hypervisor.Hypervisor;
import dev.mvirt.vmm.hypervisor.LaunchRequest;
import dev.mvirt.vmm.hypervisor.OsProcess;
import dev.mvirt.vmm.hypervisor.ProcessExit;
import dev.mvirt.vmm.hypervisor.VersionProbe;
import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.ProcessRef;
import dev.mvirt.vmm.model.VmId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs VMs with qemu-system-x86_64: QMP and the serial console on unix sockets in the VM's run directory, KVM
 * when {@link Acceleration} says it really works, TCG otherwise.
 */
public final class QemuDriver implements Hypervisor {
    static final String LOG = "hypervisor.log";
    private static final long START_TIMEOUT_MS = 20_000;

    private final String binary;
    private final Acceleration acceleration;

    public QemuDriver(String binary, Acceleration acceleration) {
        this.binary = binary;
        this.acceleration = acceleration;
    }

    @Override
    public String name() {
        return "qemu";
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
        Path qmpSocket = req.runDir().resolve(QemuArgs.QMP_SOCKET);
        deleteStale(qmpSocket, req.runDir().resolve(QemuArgs.CONSOLE_SOCKET));
        Path log = req.runDir().resolve(LOG);
        OsProcess os = OsProcess.launch(QemuArgs.build(binary, req, acceleration.hardware()), log);
        ProcessRef ref = new ProcessRef(os.pid(), os.startedAtMs(), req.runDir());
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            if (os.exited().isDone()) {
                throw new HypervisorException(
                        "qemu exited at start: " + exitOf(os, log).describe());
            }
            Optional<QemuProcess> p = connect(os, ref, qmpSocket, log);
            if (p.isPresent()) {
                return p.get();
            }
            if (System.currentTimeMillis() > deadline) {
                os.kill();
                throw new HypervisorException("qemu did not open QMP within " + START_TIMEOUT_MS + " ms; stderr: "
                        + OsProcess.tail(log, 1024));
            }
            sleep(50);
        }
    }

    @Override
    public Optional<VmProcess> adopt(VmId id, ProcessRef ref) {
        return OsProcess.adopt(ref)
                .map(os -> QemuProcess.adopted(os, ref, ref.runDir().resolve(QemuArgs.QMP_SOCKET)));
    }

    /**
     * QEMU opens QMP before it loads the kernel, so a bad kernel can close QMP in the middle of the handshake: then
     * the reason is QEMU's exit and stderr, not the closed socket.
     */
    private static Optional<QemuProcess> connect(OsProcess os, ProcessRef ref, Path qmpSocket, Path log) {
        try {
            return QemuProcess.tryConnect(os, ref, qmpSocket);
        } catch (HypervisorException e) {
            try {
                os.exited().get(2, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw e;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notExited) {
                throw e;
            }
            throw new HypervisorException(
                    "qemu exited at start: " + exitOf(os, log).describe(), e);
        }
    }

    private static ProcessExit exitOf(OsProcess os, Path log) {
        int status = os.exited().getNow(ProcessExit.UNKNOWN);
        return new ProcessExit(status, false, OsProcess.tail(log, 1024));
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

    static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HypervisorException("interrupted", e);
        }
    }
}
