package dev.mvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mvirt.cli.command.Cli;
import dev.mvirt.cli.command.Io;
import dev.mvirt.cli.shell.Shell;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mvirt shell completes commands, flags and resource names (from the API). */
class ShellIT {
    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.node("host-a", 8, 16384);
        api.ok("vm", "create", "webserver", "--kernel", "/boot/vmlinuz", "--stopped");
        api.ok("vm", "create", "database", "--kernel", "/boot/vmlinuz", "--stopped");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void completesResourceNamesCommandsAndFlags() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Io io = new Io(
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PipedInputStream(),
                out,
                false);
        Cli cli = new Cli(io, api.env(), Clock.systemUTC());
        try (PipedOutputStream feed = new PipedOutputStream();
                Terminal terminal = new DumbTerminal(
                        "test", Terminal.TYPE_DUMB, new PipedInputStream(feed), out, StandardCharsets.UTF_8)) {
            var reader = new Shell(cli, terminal, () -> Main.tree(cli)).reader();
            assertThat(complete(reader, "vm get we")).contains("webserver", "database");
            assertThat(complete(reader, "vm st")).contains("start", "stop");
            assertThat(complete(reader, "vm list --")).contains("--watch", "--output=");
            assertThat(complete(reader, "start we")).contains("webserver");
        }
    }

    private static List<String> complete(org.jline.reader.LineReader reader, String line) {
        List<Candidate> candidates = new ArrayList<>();
        ((org.jline.reader.impl.LineReaderImpl) reader)
                .getCompleter()
                .complete(reader, new DefaultParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void tabCompletesANameInARealTerminal(@TempDir Path dir) {
        assumeTrue(Tmux.available(), "tmux is not installed");
        try (Tmux t = new Tmux(dir, api.env(), "shell")) {
            t.await("mvirt>", Duration.ofSeconds(40));
            t.type("vm get web");
            t.keys("Tab");
            t.await("vm get webserver", Duration.ofSeconds(20));
            t.keys("Enter");
            t.await("the row", s -> s.lines().anyMatch(l -> l.startsWith("webserver")), Duration.ofSeconds(20));
            t.type("exit");
            t.keys("Enter");
        }
    }
}
