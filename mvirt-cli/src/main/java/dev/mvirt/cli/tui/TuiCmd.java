package dev.mvirt.cli.tui;

import dev.mvirt.cli.command.Cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mvirt tui}: the terminal UI. */
@Command(description = "A terminal UI in the spirit of k9s (':' views, '/' filter, '?' keys).", mixinStandardHelpOptions = true)
public final class TuiCmd implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--readonly", description = "no actions, only looking")
    boolean readonly;

    public TuiCmd(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws Exception {
        cli.begin(cli.globals());
        return 0;
    }
}
