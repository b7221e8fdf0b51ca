package dev.mvirt.cli.command;

import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Connection;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.config.ConfigFile;
import dev.mvirt.cli.config.Target;
import dev.mvirt.cli.output.Lookup;
import dev.mvirt.cli.output.Printer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every command of one process shares: its {@link Io}, environment, clock, the global flags of the current
 * run, and (lazily) the target and API client. Not thread-safe; one command runs at a time.
 */
public final class Cli {
    private final Io io;
    private final Map<String, String> env;
    private final Clock clock;
    private Globals globals = Globals.none();
    private @Nullable Target target;
    private @Nullable ApiClient client;

    public Cli(Io io, Map<String, String> env, Clock clock) {
        this.io = io;
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    public Io io() {
        return io;
    }

    public Map<String, String> env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    public Globals globals() {
        return globals;
    }

    /** Starts a run with these flags (forgets the previous run's target). */
    public void begin(Globals g) {
        this.globals = g;
        this.target = null;
        this.client = null;
    }

    /** The config file of this environment. */
    public ConfigFile configFile() {
        return ConfigFile.locate(env);
    }

    /** The resolved target; warnings are printed once per run. */
    public Target target() {
        Target t = target;
        if (t == null) {
            try {
                t = Target.resolve(globals.flags(token()), env, configFile().read());
            } catch (IllegalArgumentException e) {
                throw new CliException(Exit.USAGE, e.getMessage(), e);
            }
            t.warnings().forEach(w -> io.err().println("mvirt: warning: " + w));
            target = t;
        }
        return t;
    }

    /** The project of this run. */
    public String project() {
        return target().project();
    }

    /** The client for the target. */
    public ApiClient client() {
        ApiClient c = client;
        if (c == null) {
            Target t = target();
            try {
                c = new ApiClient(Connection.of(t.endpoint(), t.token()));
            } catch (IllegalArgumentException e) {
                throw new CliException(Exit.USAGE, e.getMessage(), e);
            }
            client = c;
        }
        return c;
    }

    /** A printer in the run's format, resolving ids to names through the API. */
    public Printer printer() {
        return new Printer(io.out(), globals.format(), !globals.noHeaders(), lookup(), clock::millis);
    }

    /** Id-to-name resolution with a per-run cache. */
    public Lookup lookup() {
        return new NameCache(this::client);
    }

    /**
     * Asks before a destructive action. On a terminal, reads y/N; without one, refuses unless {@code -y} was given.
     *
     * @throws CliException (USAGE without a terminal, ERROR when the person said no)
     */
    public void confirm(String question) {
        if (globals.yes()) {
            return;
        }
        if (!io.terminal()) {
            throw new CliException(
                    Exit.USAGE,
                    "refusing to " + question + " without confirmation: stdin is not a"
                            + " terminal; pass -y to confirm");
        }
        io.err()
                .print(question.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + question.substring(1)
                        + "? [y/N] ");
        io.err().flush();
        String answer = readLine().orElse("").trim();
        if (!answer.equalsIgnoreCase("y") && !answer.equalsIgnoreCase("yes")) {
            throw new CliException(Exit.ERROR, "not confirmed; nothing changed");
        }
    }

    /** The noun's collection path in the run's project. */
    public String collection(Noun noun) {
        return noun.collection(project());
    }

    private Optional<String> readLine() {
        try {
            StringBuilder b = new StringBuilder();
            for (int c = io.in().read(); c >= 0 && c != '\n'; c = io.in().read()) {
                b.append((char) c);
            }
            return Optional.of(b.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String token() {
        if (!globals.token().isEmpty() || globals.tokenFile().isEmpty()) {
            return globals.token();
        }
        try {
            return Files.readString(Path.of(globals.tokenFile()), StandardCharsets.UTF_8)
                    .trim();
        } catch (IOException e) {
            throw new CliException(
                    Exit.USAGE, "cannot read --token-file " + globals.tokenFile() + ": " + e.getMessage(), e);
        }
    }
}
