package dev.mvirt.cli.shell;

import dev.mvirt.cli.command.Cli;
import java.util.function.Supplier;
import org.jline.console.SystemRegistry;
import org.jline.console.impl.SystemRegistryImpl;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliCommands;

/**
 * The read-eval loop of {@code mvirt shell} on a JLine terminal: picocli completes commands and flags, a
 * {@link NameCompleter} completes resource names from the API. {@code exit}, {@code quit} or Ctrl-D end it.
 */
public final class Shell {
    private final Cli cli;
    private final Terminal terminal;
    private final Supplier<CommandLine> tree;

    public Shell(Cli cli, Terminal terminal, Supplier<CommandLine> tree) {
        this.cli = cli;
        this.terminal = terminal;
        this.tree = tree;
    }

    /** The line reader with the shell's completion. */
    public LineReader reader() {
        CommandLine cmd = tree.get();
        DefaultParser parser = new DefaultParser();
        SystemRegistry registry = new SystemRegistryImpl(parser, terminal, () -> java.nio.file.Path.of("."), null);
        registry.setCommandRegistries(new PicocliCommands(cmd));
        Completer completer = new AggregateCompleter(registry.completer(), new NameCompleter(cli));
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("mvirt")
                .completer(completer)
                .parser(parser)
                .variable(LineReader.LIST_MAX, 100)
                .build();
    }

    /** Runs until exit; answers 0. */
    public int run() {
        LineReader reader = reader();
        CommandLine cmd = tree.get();
        terminal.writer()
                .println("mvirt shell: commands without 'mvirt' (vm list, vm get NAME); Tab completes; exit ends.");
        terminal.flush();
        while (true) {
            String line;
            try {
                line = reader.readLine("mvirt> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return 0;
            }
            String trimmed = line.trim();
            if (trimmed.equals("exit") || trimmed.equals("quit")) {
                return 0;
            }
            if (!trimmed.isEmpty()) {
                cmd.execute(reader.getParsedLine().words().stream()
                        .filter(w -> !w.isEmpty())
                        .toArray(String[]::new));
                cli.io().out().flush();
            }
        }
    }
}
