package dev.mvirt.cli.shell;

import dev.mvirt.cli.command.Cli;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mvirt shell}: an interactive shell over the whole command tree. */
@Command(
        description = "An interactive shell: commands without 'mvirt', Tab completes (also resource names).",
        mixinStandardHelpOptions = true)
public final class ShellCmd implements Callable<Integer> {
    private final Cli cli;
    private final Supplier<CommandLine> tree;

    public ShellCmd(Cli cli, Supplier<CommandLine> tree) {
        this.cli = cli;
        this.tree = tree;
    }

    @Override
    public Integer call() throws IOException {
        try (Terminal terminal =
                TerminalBuilder.builder().name("mvirt").system(true).build()) {
            return new Shell(cli, terminal, tree).run();
        }
    }
}
