package dev.mvirt.cli;

import dev.mvirt.cli.command.Cli;
import dev.mvirt.cli.command.Commands;
import dev.mvirt.cli.command.Io;
import dev.mvirt.cli.shell.ShellCmd;
import dev.mvirt.cli.tui.TuiCmd;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** {@code mvirt}: builds the command tree (with the shell and the TUI) and runs one command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, Io.system(), System.getenv()));
    }

    /** Runs {@code args} with {@code io} and {@code env}; answers the exit code. */
    public static int run(String[] args, Io io, Map<String, String> env) {
        Cli cli = new Cli(io, env, Clock.systemUTC());
        return tree(cli).execute(args);
    }

    /** The whole command tree for {@code cli}. */
    public static CommandLine tree(Cli cli) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("shell", new ShellCmd(cli, () -> tree(cli)));
        extra.put("tui", new TuiCmd(cli));
        return Commands.build(cli, extra);
    }
}
