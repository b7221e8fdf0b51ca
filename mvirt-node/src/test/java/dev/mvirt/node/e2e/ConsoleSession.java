package dev.mvirt.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code mvirt vm console NAME} as a process whose stdin is a pipe from the test (not a terminal): the
 * guest's marker is replayed, {@code echo mvirt-N} typed into the guest shell comes back as a line of output, and
 * the escape byte (Ctrl+], 0x1d) detaches with exit 0.
 */
final class ConsoleSession {
    private static final int ESCAPE = 0x1d;

    private ConsoleSession() {}

    /**
     * Attaches, checks the banner and an echo, detaches. Answers why the console could not be tested when the
     * server has no console endpoint (the CLI's exit 9), empty when every check passed.
     */
    static Optional<String> echo(Daemons daemons, MvirtCli cli, String vm) {
        String name = "console-" + vm + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Process p = cli.background(daemons, name, "vm", "console", vm);
        String connected = "Connected to the console";
        daemons.await(
                "the console to attach",
                60,
                () -> !p.isAlive() || out(daemons, name).contains(connected));
        if (!p.isAlive()) {
            daemons.forget(name);
            assertThat(p.exitValue())
                    .as("mvirt vm console: %s", out(daemons, name))
                    .isEqualTo(9);
            return Optional.of(
                    "the API has no console endpoint yet: " + out(daemons, name).strip());
        }
        daemons.await("the replayed guest marker", 60, () -> out(daemons, name).contains(VmLifecycle.MARKER));
        String word = "mvirt-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Pattern line = Pattern.compile("(?m)^" + word + "\\r?$");
        type(p, "\necho " + word + "\n");
        daemons.await(
                "'" + word + "' echoed by the guest",
                60,
                () -> line.matcher(out(daemons, name)).find());
        type(p, String.valueOf((char) ESCAPE));
        daemons.forget(name);
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("console detached").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(p.exitValue()).as(out(daemons, name)).isZero();
        assertThat(out(daemons, name)).contains("Disconnected from vm '" + vm + "' (escape key)");
        return Optional.empty();
    }

    private static void type(Process p, String text) {
        try {
            OutputStream in = p.getOutputStream();
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot type into the console", e);
        }
    }

    private static String out(Daemons daemons, String name) {
        return Daemons.read(daemons.log(name));
    }
}
