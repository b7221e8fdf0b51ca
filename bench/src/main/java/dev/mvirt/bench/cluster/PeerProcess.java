package dev.mvirt.bench.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One server process of a cluster: started from {@code command} with its output appended to {@code log}, optionally
 * under its own group id (so partition rules can tell its sockets apart). Faults act on it by PID; CPU time of
 * every incarnation is accumulated. Not thread-safe: one fault injector at a time.
 */
public final class PeerProcess {
    private final String id;
    private final List<String> command;
    private final Path log;
    private final Optional<Integer> gid;
    private Optional<Process> process = Optional.empty();
    private double cpuOfPast;
    private boolean paused;

    public PeerProcess(String id, List<String> command, Path log, Optional<Integer> gid) {
        this.id = id;
        this.command = List.copyOf(command);
        this.log = log;
        this.gid = gid;
    }

    public String id() {
        return id;
    }

    public Optional<Integer> gid() {
        return gid;
    }

    /** Starts (or restarts) the process. */
    public void start() {
        List<String> argv = new ArrayList<>();
        gid.ifPresent(g -> argv.addAll(List.of("setpriv", "--regid=" + g, "--clear-groups", "--")));
        argv.addAll(command);
        try {
            process = Optional.of(new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start());
            paused = false;
        } catch (IOException e) {
            throw new ClusterException("cannot start " + id + ": " + e.getMessage(), e);
        }
    }

    /** True while the process runs (paused counts as running). */
    public boolean alive() {
        return process.map(Process::isAlive).orElse(false);
    }

    /** The PID of the running incarnation. */
    public long pid() {
        return process.orElseThrow(() -> new ClusterException(id + " is not running"))
                .pid();
    }

    /** SIGKILL, then wait for the process to be gone. */
    public void kill() {
        process.ifPresent(p -> {
            cpuOfPast += ProcStat.cpuSeconds(p.pid());
            p.destroyForcibly();
            waitFor(p);
        });
        process = Optional.empty();
        paused = false;
    }

    /** SIGSTOP. */
    public void pause() {
        signal("-STOP");
        paused = true;
    }

    /** SIGCONT. */
    public void resume() {
        signal("-CONT");
        paused = false;
    }

    /** Resumes if paused, then SIGTERM and up to 10 s for a clean exit, then SIGKILL. */
    public void stop() {
        if (paused) {
            resume();
        }
        process.ifPresent(p -> {
            cpuOfPast += ProcStat.cpuSeconds(p.pid());
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    waitFor(p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        });
        process = Optional.empty();
    }

    /** CPU seconds of every incarnation so far. */
    public double cpuSeconds() {
        return cpuOfPast + process.map(p -> ProcStat.cpuSeconds(p.pid())).orElse(0.0);
    }

    private void signal(String sig) {
        long pid = pid();
        try {
            Process k = new ProcessBuilder("kill", sig, Long.toString(pid)).start();
            if (!k.waitFor(5, TimeUnit.SECONDS) || k.exitValue() != 0) {
                throw new ClusterException("kill " + sig + " " + pid + " (" + id + ") failed");
            }
        } catch (IOException e) {
            throw new ClusterException("kill " + sig + " " + id + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted signalling " + id, e);
        }
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
