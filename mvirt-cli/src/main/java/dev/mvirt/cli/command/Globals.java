package dev.mvirt.cli.command;

import dev.mvirt.cli.config.Target;
import dev.mvirt.cli.output.Format;
import picocli.CommandLine.ParseResult;

/** The global flags of one run, as given on any level of the command line (the last one wins). */
public record Globals(
        String remote,
        String endpoint,
        String token,
        String tokenFile,
        String project,
        Format format,
        boolean noHeaders,
        boolean yes,
        boolean debug) {

    /** No flags. */
    public static Globals none() {
        return new Globals("", "", "", "", "", Format.TABLE, false, false, false);
    }

    /** Reads the global options from every level of {@code pr}. */
    public static Globals from(ParseResult pr) {
        Globals g = none();
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            g = new Globals(
                    p.matchedOptionValue("--remote", g.remote),
                    p.matchedOptionValue("--endpoint", g.endpoint),
                    p.matchedOptionValue("--token", g.token),
                    p.matchedOptionValue("--token-file", g.tokenFile),
                    p.matchedOptionValue("--project", g.project),
                    p.matchedOptionValue("--output", g.format),
                    p.matchedOptionValue("--no-headers", g.noHeaders),
                    p.matchedOptionValue("--yes", g.yes),
                    p.matchedOptionValue("--debug", g.debug));
            if (!p.hasSubcommand()) {
                break;
            }
        }
        return g;
    }

    /** The flags that choose the target. */
    Target.Flags flags(String token) {
        return new Target.Flags(remote, endpoint, token, project);
    }
}
