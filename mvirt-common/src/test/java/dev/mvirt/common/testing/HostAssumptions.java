package dev.mvirt.common.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * For host tests ({@code @Tag("host")}): skip with a message where the machine lacks something, or fail when
 * {@code MVIRT_REQUIRE_HOST=1} (set by {@code .ci/run}). Shared through mvirt-common's test-jar.
 */
public final class HostAssumptions {
    private HostAssumptions() {}

    /** True when CI demands every host capability. */
    public static boolean required() {
        return "1".equals(System.getenv("MVIRT_REQUIRE_HOST"));
    }

    /** Skips (or fails under MVIRT_REQUIRE_HOST=1) unless {@code present}; {@code what} names the missing thing. */
    public static void assumeHost(boolean present, String what) {
        if (present) {
            return;
        }
        String message = "host capability missing: " + what;
        if (required()) {
            throw new AssertionError(message + " (MVIRT_REQUIRE_HOST=1)");
        }
        Assumptions.abort(message);
    }

    /** Requires running as root. */
    public static void assumeRoot() {
        assumeHost("root".equals(System.getProperty("user.name")), "root");
    }

    /** Requires an executable on PATH (e.g. {@code qemu-system-x86_64}). */
    public static void assumeCommand(String command) {
        assumeHost(onPath(command), "command '" + command + "' on PATH");
    }

    /** True when {@code command} is an executable on PATH. */
    public static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code argv} and returns true when it exits 0 within 30 s. */
    public static boolean succeeds(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
