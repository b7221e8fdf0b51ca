package dev.mvirt.vmm.testing;

import dev.mvirt.common.testing.HostAssumptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The demo guest (Debian kernel + busybox initramfs) built by scripts/guest/build-demo-guest.sh into
 * {@code MVIRT_GUEST_CACHE} or ~/.cache/mvirt/guest; built on first use, cached after.
 */
public final class DemoGuest {
    public static final String MARKER = "MVIRT-GUEST-READY";
    public static final String CMDLINE = "console=ttyS0 quiet panic=-1";
    private static Path dir = Path.of("");

    private DemoGuest() {}

    /** The cache directory holding vmlinuz and initramfs.cpio.gz; skips (or fails under CI) when unbuildable. */
    public static synchronized Path dir() throws IOException, InterruptedException {
        if (Files.exists(dir.resolve("vmlinuz"))) {
            return dir;
        }
        HostAssumptions.assumeCommand("apt-get");
        HostAssumptions.assumeHost(Files.isExecutable(Path.of("/bin/busybox")), "busybox-static (/bin/busybox)");
        String cache = System.getenv()
                .getOrDefault("MVIRT_GUEST_CACHE", System.getProperty("user.home") + "/.cache/mvirt/guest");
        Path script = repoRoot().resolve("scripts/guest/build-demo-guest.sh");
        Process p = new ProcessBuilder(script.toString(), cache)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("building the demo guest failed: " + out);
        }
        dir = Path.of(cache);
        return dir;
    }

    /** The repository root (tests run in the module directory). */
    public static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("scripts")) ? here : here.getParent();
    }
}
