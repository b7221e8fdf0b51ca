package dev.mvirt.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code bin/mvirt} as a process against one API server ({@code MVIRT_ENDPOINT}, {@code MVIRT_TOKEN}, and a
 * private {@code XDG_CONFIG_HOME} so the user's remotes never count). Each call prints its command line, exit code
 * and duration to the test output.
 */
final class MvirtCli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** What one command did. */
    record Result(List<String> args, int exit, String out, String err) {
        String describe() {
            return "mvirt " + String.join(" ", args) + " -> exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private final Path dir;
    private final String endpoint;
    private final String token;

    MvirtCli(Path dir, String endpoint, String token) {
        this.dir = dir;
        this.endpoint = endpoint;
        this.token = token;
    }

    String endpoint() {
        return endpoint;
    }

    /** The environment every command gets. */
    Map<String, String> env() {
        return Map.of(
                "MVIRT_ENDPOINT",
                endpoint,
                "MVIRT_TOKEN",
                token,
                "XDG_CONFIG_HOME",
                dir.resolve("xdg").toString(),
                "MVIRT_PROJECT",
                "");
    }

    /** Runs a command to its end (at most 5 minutes) and returns what it did. */
    Result run(String... args) {
        List<String> cmd =
                new ArrayList<>(List.of(Daemons.ROOT.resolve("bin/mvirt").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env());
        return exec(pb, List.of(args));
    }

    /**
     * Runs a shell command line as a user would type it in the repository (no {@code MVIRT_*} variables; the
     * private config directory), e.g. the commands {@code bin/mvirt-dev} suggests.
     */
    Result shell(String line) {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(Daemons.ROOT.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MVIRT_"));
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        return exec(pb, List.of(line));
    }

    private Result exec(ProcessBuilder pb, List<String> args) {
        int n = SEQ.incrementAndGet();
        Path out = dir.resolve("cli-" + n + ".out");
        Path err = dir.resolve("cli-" + n + ".err");
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        long t0 = System.nanoTime();
        try {
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                Daemons.stop(p);
                throw new AssertionError(String.join(" ", args) + " did not finish in 5 minutes");
            }
            Result r = new Result(args, p.exitValue(), Files.readString(out), Files.readString(err));
            System.out.printf(
                    "e2e: %s -> %d (%d ms)%s%n",
                    String.join(" ", args),
                    r.exit(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                    r.exit() == 0 ? "" : ": " + r.err().strip());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs a command that must succeed; returns its standard output. */
    String ok(String... args) {
        Result r = run(args);
        assertThat(r.exit()).as(r.describe()).isZero();
        return r.out();
    }

    /** Runs a command with {@code -o json} that must succeed; returns the parsed output. */
    JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", "json"));
        String out = ok(all.toArray(String[]::new));
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("mvirt " + String.join(" ", all) + " printed no JSON: " + out, e);
        }
    }

    /** Starts a long-running command (events, console) under {@code daemons} as {@code name}. */
    Process background(Daemons daemons, String name, String... args) {
        return daemons.start(name, env(), "mvirt", List.of(args));
    }
}
