package dev.mvirt.vmm.hypervisor.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.vmm.hypervisor.OsProcess;
import dev.mvirt.vmm.hypervisor.ProcessExit;
import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.ProcessRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** A running QEMU: controlled through QMP, which also reports whether the guest powered itself off. */
final class QemuProcess implements VmProcess {
    private final OsProcess os;
    private final ProcessRef ref;
    private final Path qmpSocket;
    private final AtomicBoolean guestPowerOff = new AtomicBoolean();
    private @Nullable Qmp qmp;
    private final CompletableFuture<ProcessExit> exit;

    private QemuProcess(OsProcess os, ProcessRef ref, Path qmpSocket) {
        this.os = os;
        this.ref = ref;
        this.qmpSocket = qmpSocket;
        this.exit = os.exited().thenCompose(this::describeExit);
    }

    /** The process with a QMP connection, or empty while QEMU has not opened its QMP socket yet. */
    static Optional<QemuProcess> tryConnect(OsProcess os, ProcessRef ref, Path qmpSocket) {
        QemuProcess p = new QemuProcess(os, ref, qmpSocket);
        return p.connect() ? Optional.of(p) : Optional.empty();
    }

    /** An adopted process; QMP is reconnected now or on first use. */
    static QemuProcess adopted(OsProcess os, ProcessRef ref, Path qmpSocket) {
        QemuProcess p = new QemuProcess(os, ref, qmpSocket);
        p.connect();
        return p;
    }

    @Override
    public ProcessRef ref() {
        return ref;
    }

    @Override
    public Path consoleSocket() {
        return ref.runDir().resolve(QemuArgs.CONSOLE_SOCKET);
    }

    @Override
    public void powerButton() {
        qmp().execute("system_powerdown");
    }

    @Override
    public void reboot() {
        qmp().execute("system_reset");
    }

    @Override
    public void quit() {
        qmp().execute("quit");
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
    public synchronized void detach() {
        if (qmp != null) {
            qmp.close();
        }
    }

    private synchronized boolean connect() {
        try {
            qmp = Qmp.connect(qmpSocket, this::onEvent);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private synchronized Qmp qmp() {
        if ((qmp == null || qmp.closed().isDone()) && !connect()) {
            throw new HypervisorException("QMP socket " + qmpSocket + " does not answer");
        }
        return java.util.Objects.requireNonNull(qmp);
    }

    private void onEvent(JsonNode event) {
        if ("SHUTDOWN".equals(event.path("event").asText())
                && event.path("data").path("guest").asBoolean(false)) {
            guestPowerOff.set(true);
        }
    }

    private CompletableFuture<ProcessExit> describeExit(int status) {
        Qmp q;
        synchronized (this) {
            q = qmp;
        }
        // let the QMP reader take the SHUTDOWN event QEMU wrote just before it exited
        CompletableFuture<Void> drained = q == null ? CompletableFuture.completedFuture(null) : q.closed();
        return drained.completeOnTimeout(null, 300, TimeUnit.MILLISECONDS)
                .thenApply(v -> new ProcessExit(
                        status, guestPowerOff.get(), OsProcess.tail(ref.runDir().resolve(QemuDriver.LOG), 1024)));
    }
}
