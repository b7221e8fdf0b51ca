package dev.mvirt.log.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a script through the {@code sqlite3} CLI and reads its {@code .timer} lines: the benchmark's peer. */
final class SqliteCli {
    private static final Pattern TIMER = Pattern.compile("Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)");

    /** Wall time of the whole run and, per timed statement, real and user+sys seconds. */
    record Run(double wallSeconds, List<Double> real, List<Double> cpu) {}

    private SqliteCli() {}

    static String version() {
        return run(List.of("sqlite3", "--version"), Path.of("/dev/null")).trim();
    }

    static Run script(Path db, Path script) {
        long t0 = System.nanoTime();
        String out = run(List.of("sqlite3", db.toString()), script);
        double wall = (System.nanoTime() - t0) / 1e9;
        List<Double> real = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        Matcher m = TIMER.matcher(out);
        while (m.find()) {
            real.add(Double.parseDouble(m.group(1)));
            cpu.add(Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3)));
        }
        return new Run(wall, real, cpu);
    }

    private static String run(List<String> cmd, Path stdin) {
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectInput(stdin.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(
                        "sqlite3 failed: " + out.lines().limit(5).toList());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run sqlite3 (apt install sqlite3)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
