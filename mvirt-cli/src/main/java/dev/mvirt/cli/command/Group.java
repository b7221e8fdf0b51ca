package dev.mvirt.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A noun: it only holds verbs; alone it is a usage error listing them. */
@Command(mixinStandardHelpOptions = true)
final class Group implements Runnable {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "missing verb for '" + spec.qualifiedName().trim() + "': one of "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
