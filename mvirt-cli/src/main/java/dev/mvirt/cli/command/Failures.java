package dev.mvirt.cli.command;

import dev.mvirt.cli.client.ApiError;
import dev.mvirt.cli.client.Unreachable;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become a line on stderr and an {@link Exit} code: API problems by status and
 * code, connection failures, CLI errors, and bugs (stack trace only with {@code --debug}).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    private final Cli cli;

    Failures(Cli cli) {
        this.cli = cli;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult pr) {
        PrintWriter err = cli.io().err();
        Exit exit = exit(e);
        err.println("mvirt: " + context(pr) + message(e));
        if (cli.globals().debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return exit.code();
    }

    /** The exit code of {@code e}. */
    static Exit exit(Throwable e) {
        return switch (e) {
            case CliException c -> c.exit();
            case ApiError a -> api(a);
            case Unreachable u -> Exit.UNAVAILABLE;
            case IllegalArgumentException i -> Exit.USAGE;
            default -> Exit.ERROR;
        };
    }

    private static Exit api(ApiError a) {
        return switch (a.status()) {
            case 401, 403 -> Exit.AUTH;
            case 404, 410 -> Exit.NOT_FOUND;
            case 409 -> a.code().equals("no_capacity") ? Exit.NO_CAPACITY : Exit.CONFLICT;
            case 412 -> Exit.CONFLICT;
            case 400, 422 -> Exit.INVALID;
            case 501 -> Exit.NOT_SUPPORTED;
            case 503, 502 -> Exit.UNAVAILABLE;
            case 504 -> Exit.TIMEOUT;
            default -> Exit.ERROR;
        };
    }

    private static String message(Throwable e) {
        if (e instanceof ApiError a) {
            String field =
                    a.field().isEmpty() || String.valueOf(a.getMessage()).contains(a.field()) ? "" : a.field() + ": ";
            String reasons = a.reasons().isEmpty()
                    ? ""
                    : " ("
                            + a.reasons().entrySet().stream()
                                    .map(r -> r.getKey() + ": " + r.getValue())
                                    .collect(Collectors.joining("; "))
                            + ")";
            return field
                    + a.getMessage()
                    + reasons
                    + (a.status() == 401 ? "; give a token with --token, MVIRT_TOKEN or a remote" : "");
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() + " (run with --debug for details)" : m;
    }

    /** "vm create web: " for the command that failed. */
    private static String context(ParseResult pr) {
        StringBuilder b = new StringBuilder();
        ParseResult p = pr;
        while (p.hasSubcommand()) {
            p = p.subcommand();
            b.append(p.commandSpec().name()).append(' ');
        }
        if (!p.matchedPositionals().isEmpty()) {
            b.append(String.valueOf((Object) p.matchedPositionals().get(0).getValue())
                            .replaceAll("[\\[\\]]", ""))
                    .append(' ');
        }
        return b.isEmpty() ? "" : b.toString().trim() + ": ";
    }
}
