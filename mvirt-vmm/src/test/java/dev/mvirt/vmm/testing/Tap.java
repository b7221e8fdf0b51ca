package dev.mvirt.vmm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** A uniquely named TAP device for a host test (root); removed on close, even after a failure. */
public record Tap(String name) implements AutoCloseable {

    public static Tap none() {
        return new Tap("");
    }

    public static Tap create() throws IOException, InterruptedException {
        String name = "mvt" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        run(Path.of("/"), "ip", "tuntap", "add", "dev", name, "mode", "tap");
        return new Tap(name);
    }

    @Override
    public void close() {
        if (name.isEmpty()) {
            return;
        }
        try {
            run(Path.of("/"), "ip", "link", "del", name);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot remove tap " + name, e);
        }
    }

    /** Runs a command in {@code dir}, failing with its output unless it exits 0; returns {@code dir}. */
    public static Path run(Path dir, String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(argv))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + out);
        }
        return dir;
    }
}
