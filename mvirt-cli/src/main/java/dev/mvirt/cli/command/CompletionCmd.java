package dev.mvirt.cli.command;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mvirt completion bash|zsh}: a completion script (zsh loads it through bashcompinit). */
@Command(
        description = "Print a shell completion script: source <(mvirt completion bash)",
        mixinStandardHelpOptions = true)
final class CompletionCmd extends Leaf {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    String shell = "";

    CompletionCmd(Cli cli) {
        super(cli);
    }

    @Override
    void run() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash("mvirt", root);
        switch (shell) {
            case "bash" -> cli.io().out().print(script);
            case "zsh" ->
                cli.io()
                        .out()
                        .print("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
                                + script);
            default -> throw new CliException(Exit.USAGE, "completion: unknown shell '" + shell + "': use bash or zsh");
        }
        cli.io().out().flush();
    }
}
