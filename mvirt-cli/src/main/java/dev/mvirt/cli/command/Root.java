package dev.mvirt.cli.command;

import dev.mvirt.cli.output.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code mvirt}: the global flags (valid on every level) and the exit code table. */
@Command(
        name = "mvirt",
        mixinStandardHelpOptions = true,
        version = "mvirt 0.1.0",
        description = "Operate an mvirt cluster through its REST API: mvirt <noun> <verb> [flags].",
        footerHeading = "%nTarget:%n",
        footer = {
            "  flags > MVIRT_REMOTE, MVIRT_ENDPOINT, MVIRT_TOKEN, MVIRT_PROJECT > the remote",
            "  in $XDG_CONFIG_HOME/mvirt/config.yaml (or ~/.config/mvirt/); see mvirt remote."
        },
        exitCodeListHeading = "%nExit codes:%n",
        sortOptions = false)
public final class Root implements Runnable {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Option(
            names = "--remote",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            description = "a remote from the config file")
    String remote = "";

    @Option(
            names = "--endpoint",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "API URL, e.g. http://10.0.0.1:8080")
    String endpoint = "";

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN", description = "bearer token")
    String token = "";

    @Option(
            names = "--token-file",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "read the token from FILE")
    String tokenFile = "";

    @Option(
            names = {"-p", "--project"},
            scope = ScopeType.INHERIT,
            paramLabel = "PROJECT",
            description = "project (default: default)")
    String project = "";

    @Option(
            names = {"-o", "--output"},
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            description = "table, wide, json, yaml or name")
    Format output = Format.TABLE;

    @Option(names = "--no-headers", scope = ScopeType.INHERIT, description = "tables without the header line")
    boolean noHeaders;

    @Option(
            names = {"-y", "--yes"},
            scope = ScopeType.INHERIT,
            description = "do not ask before destructive actions")
    boolean yes;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "stack traces on errors")
    boolean debug;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: try mvirt --help");
    }
}
