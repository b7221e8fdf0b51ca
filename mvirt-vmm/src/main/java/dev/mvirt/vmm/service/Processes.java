package dev.mvirt.vmm.service;

import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.Vm;
import dev.mvirt.vmm.model.VmId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** The running hypervisor processes by VM, per-VM locks, and the wiring from a process exit to its handler. */
final class Processes {
    /** A running process; {@code done} completes with the VM as recorded after the exit. */
    record Running(VmProcess process, CompletableFuture<Vm> done, AtomicReference<ExitPolicy.Request> why) {
        void request(ExitPolicy.Request r) {
            why.set(r);
        }
    }

    /** Records the outcome of an exit and returns the VM as stored. */
    interface ExitHandler {
        Vm onExit(VmId id, ExitPolicy.Outcome outcome);
    }

    private final Map<VmId, Running> running = new ConcurrentHashMap<>();
    private final Map<VmId, Object> locks = new ConcurrentHashMap<>();
    private final ExitHandler handler;
    private volatile boolean detached;

    Processes(ExitHandler handler) {
        this.handler = handler;
    }

    Object lock(VmId id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    void add(VmId id, VmProcess p) {
        Running r = new Running(p, new CompletableFuture<>(), new AtomicReference<>(ExitPolicy.Request.NONE));
        running.put(id, r);
        p.exit().thenAccept(exit -> {
            running.remove(id, r);
            if (detached) {
                return;
            }
            try {
                r.done()
                        .complete(handler.onExit(
                                id,
                                ExitPolicy.after(
                                        exit,
                                        java.util.Objects.requireNonNull(r.why().get()))));
            } catch (RuntimeException e) {
                r.done().completeExceptionally(e);
            }
        });
    }

    Optional<Running> running(VmId id) {
        return Optional.ofNullable(running.get(id));
    }

    /** Releases every process without stopping it; later exits are no longer recorded (daemon shutdown). */
    void detachAll() {
        detached = true;
        running.values().forEach(r -> r.process().detach());
        running.clear();
    }

    /** The VM once {@code done} completes within {@code timeout}; empty on timeout or failure. */
    static Optional<Vm> await(CompletableFuture<Vm> done, Duration timeout) {
        try {
            return Optional.of(done.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
