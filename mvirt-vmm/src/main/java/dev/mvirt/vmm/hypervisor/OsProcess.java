package dev.mvirt.vmm.hypervisor;

import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.ProcessRef;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An operating-system process of a hypervisor: launched through {@code setsid} (its own session, so it outlives
 * the daemon; argv array, never a shell), or adopted by pid after a daemon restart. The exit of a child is seen
 * at once; an adopted process is polled every 200 ms.
 */
public final class OsProcess {
    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vmm-pid-poller");
        t.setDaemon(true);
        return t;
    });

    private final ProcessHandle handle;
    private final long startedAtMs;
    private final CompletableFuture<Integer> exited;

    private OsProcess(ProcessHandle handle, long startedAtMs, CompletableFuture<Integer> exited) {
        this.handle = handle;
        this.startedAtMs = startedAtMs;
        this.exited = exited;
    }

    /** Starts {@code argv} in a new session; stdin is /dev/null, stdout and stderr are appended to {@code log}. */
    public static OsProcess launch(List<String> argv, Path log) {
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        try {
            Process p = pb.start();
            long started = startMs(p.toHandle());
            return new OsProcess(p.toHandle(), started, p.onExit().thenApply(Process::exitValue));
        } catch (IOException e) {
            throw new HypervisorException("cannot run " + argv.getFirst() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The live process {@code ref} names, when it still runs, started at the recorded time, and its command line
     * mentions {@code ref.runDir()} (so a recycled pid is never adopted).
     */
    public static Optional<OsProcess> adopt(ProcessRef ref) {
        Optional<ProcessHandle> h = ProcessHandle.of(ref.pid()).filter(ProcessHandle::isAlive);
        if (h.isEmpty() || startMs(h.get()) != ref.startedAtMs() || !cmdlineMentions(ref)) {
            return Optional.empty();
        }
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        ScheduledFuture<?> poll = POLLER.scheduleWithFixedDelay(
                () -> {
                    if (!h.get().isAlive()) {
                        exited.complete(ProcessExit.UNKNOWN);
                    }
                },
                200,
                200,
                TimeUnit.MILLISECONDS);
        exited.whenComplete((s, e) -> poll.cancel(false));
        return Optional.of(new OsProcess(h.get(), ref.startedAtMs(), exited));
    }

    public long pid() {
        return handle.pid();
    }

    public long startedAtMs() {
        return startedAtMs;
    }

    /** Completes with the exit status (128+N for signal N), or {@link ProcessExit#UNKNOWN} for adopted ones. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    public boolean alive() {
        return handle.isAlive();
    }

    /** Sends SIGKILL. */
    public void kill() {
        handle.destroyForcibly();
    }

    /** The last lines of {@code log} (at most {@code maxBytes}), joined with " | "; empty when unreadable. */
    public static String tail(Path log, int maxBytes) {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = Math.max(0, all.length - maxBytes);
            String text = new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
            return String.join(" | ", text.strip().lines().map(String::strip).toList());
        } catch (IOException e) {
            return "";
        }
    }

    private static long startMs(ProcessHandle h) {
        return h.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    }

    private static boolean cmdlineMentions(ProcessRef ref) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(ref.pid()), "cmdline"));
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8)
                    .contains(ref.runDir().toString());
        } catch (IOException e) {
            return false;
        }
    }
}
