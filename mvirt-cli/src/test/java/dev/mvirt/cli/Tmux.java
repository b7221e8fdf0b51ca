package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code mvirt} in a real terminal: a private tmux server (its own socket), one 120x40 session running the CLI on
 * this test's classpath; keys in, screen out. Closing kills the server.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "mvirt-cli-" + UUID.randomUUID().toString().substring(0, 8);
    private final String session = "t";

    Tmux(Path dir, Map<String, String> env, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        env.forEach((k, v) ->
                script.append("export ").append(k).append("='").append(v).append("'\n"));
        script.append("export TERM=xterm-256color\nexec '")
                .append(java)
                .append("' --enable-native-access=ALL-UNNAMED -cp '")
                .append(System.getProperty("java.class.path"))
                .append("' dev.mvirt.cli.Main");
        for (String a : args) {
            script.append(" '").append(a).append("'");
        }
        script.append("\n");
        try {
            Path run = dir.resolve("run.sh");
            Files.writeString(run, script.toString(), StandardCharsets.UTF_8);
            tmux(
                    "new-session",
                    "-d",
                    "-s",
                    session,
                    "-x",
                    "120",
                    "-y",
                    "40",
                    "sh " + run,
                    ";",
                    "set-option",
                    "-t",
                    session,
                    "remain-on-exit",
                    "on");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether tmux can run here. */
    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends keys (tmux names such as Enter, Escape, Tab, or literal text). */
    void keys(String... keys) {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", session));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(String[]::new));
    }

    /** Sends literal text. */
    void type(String text) {
        tmux("send-keys", "-t", session, "-l", text);
    }

    String screen() {
        return tmux("capture-pane", "-p", "-t", session);
    }

    /** Waits until the screen satisfies {@code condition}; fails with the last screen. */
    String await(String what, Predicate<String> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String s = screen();
        while (!condition.test(s)) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; screen:\n" + s);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            s = screen();
        }
        return s;
    }

    String await(String text, Duration timeout) {
        return await("'" + text + "'", s -> s.contains(text), timeout);
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        String path =
                tmux("display-message", "-p", "-t", session, "#{socket_path}").trim();
        tmux("kill-server");
        if (path.startsWith("/")) {
            try {
                Files.deleteIfExists(Path.of(path));
            } catch (IOException e) {
                // a stale socket file is harmless
            }
        }
    }
}
