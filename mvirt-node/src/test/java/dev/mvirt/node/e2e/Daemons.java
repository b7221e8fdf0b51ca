package dev.mvirt.node.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The processes one end-to-end test starts (the {@code bin/} launchers and background CLI commands), each with its
 * output in a log file under the test's directory. {@link #await} fails early, with the log tails, when a daemon
 * died; {@link #stopAll} stops everything by PID (SIGTERM, then SIGKILL), newest first, descendants included.
 */
final class Daemons implements AutoCloseable {
    /** The repository root (the tests run in mvirt-node/). */
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private final Path logDir;
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final List<Path> socketDirs = new ArrayList<>();

    Daemons(Path logDir) {
        this.logDir = logDir;
    }

    /** Starts {@code bin/LAUNCHER ARGS} as {@code name} (unique within the test) with extra environment. */
    Process start(String name, Map<String, String> env, String launcher, List<String> args) {
        List<String> cmd =
                new ArrayList<>(List.of(ROOT.resolve("bin/" + launcher).toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            running.put(name, p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + launcher, e);
        }
    }

    /** Forgets {@code name} after it was stopped or killed on purpose (so {@link #await} does not complain). */
    void forget(String name) {
        running.remove(name);
    }

    /** Stops {@code name} by PID (SIGTERM, then SIGKILL) and forgets it; nothing when it is not running. */
    void stopOne(String name) {
        Process p = running.remove(name);
        if (p != null) {
            stop(p);
        }
    }

    /** SIGTERM to {@code name} only, waiting up to 60 s for it to exit: what it started may outlive it (VMs). */
    void terminate(String name) {
        Process p = process(name);
        running.remove(name);
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " did not exit within 60 s of SIGTERM\n" + tails());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The process started as {@code name}. */
    Process process(String name) {
        Process p = running.get(name);
        if (p == null) {
            throw new AssertionError("no process named " + name);
        }
        return p;
    }

    /** The output file of {@code name}. */
    Path log(String name) {
        return logDir.resolve(name + ".log");
    }

    /** A short, fresh directory under /tmp for unix sockets (sun_path is limited to 108 bytes). */
    Path socketDir() {
        try {
            Path d = Files.createTempDirectory(Path.of("/tmp"), "e2e");
            socketDirs.add(d);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code done} every 200 ms for up to {@code seconds}; fails when a daemon exited or time ran out. */
    void await(String what, int seconds, BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            running.forEach((name, p) -> {
                if (!p.isAlive()) {
                    throw new AssertionError(
                            name + " exited (" + p.exitValue() + ") while waiting for " + what + "\n" + tails());
                }
            });
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what + "\n" + tails());
            }
            sleep(200);
        }
    }

    /** The last lines of every log, for failure messages. */
    String tails() {
        StringBuilder b = new StringBuilder();
        running.keySet().forEach(name -> {
            String s = read(log(name));
            b.append("--- ").append(name).append(" (").append(log(name)).append(")\n");
            b.append(s.substring(Math.max(0, s.length() - 1500))).append('\n');
        });
        return b.toString();
    }

    /** Stops every process started here, newest first: SIGTERM, up to 30 s, then SIGKILL with descendants. */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>(running.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            stop(all.get(i));
        }
        running.clear();
        socketDirs.forEach(Daemons::deleteTree);
    }

    static void stop(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // best effort: a leftover empty socket dir under /tmp is harmless
        }
    }
}
