package dev.mvirt.cli.command;

import dev.mvirt.cli.client.Connection;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.config.ConfigFile;
import dev.mvirt.cli.config.Remote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvirt remote add|list|use|remove}: named endpoints in the config file (0600). */
final class RemoteCmds {
    private RemoteCmds() {}

    @Command(
            description = "Add (or replace) a remote; --token/--token-file and --project are stored with it.",
            mixinStandardHelpOptions = true)
    static final class Add extends Leaf {
        @Parameters(index = "0", paramLabel = "NAME")
        String name = "";

        @Parameters(index = "1", paramLabel = "URL", description = "e.g. http://10.0.0.1:8080")
        String url = "";

        @Option(names = "--use", description = "make it the current remote")
        boolean use;

        Add(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("remote", name);
            // the global --token/--token-file/--project say what to store
            Globals g = cli.globals();
            String secret = g.tokenFile().isEmpty() ? g.token() : read(g.tokenFile());
            String project = g.project();
            try {
                Connection.of(url, secret);
            } catch (IllegalArgumentException e) {
                throw new CliException(Exit.USAGE, e.getMessage(), e);
            }
            if (!project.isEmpty()) {
                Names.check("project", project);
            }
            ConfigFile file = cli.configFile();
            ConfigFile.Contents c = file.read();
            Map<String, Remote> remotes = new HashMap<>(c.remotes());
            remotes.put(name, new Remote(url, secret, project));
            String current = use || c.current().isEmpty() ? name : c.current();
            file.write(new ConfigFile.Contents(current, remotes));
            cli.io().out().println("remote '" + name + "' added" + (current.equals(name) ? " and in use" : ""));
            cli.io().out().flush();
        }

        private static String read(String f) {
            try {
                return Files.readString(Path.of(f), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new CliException(Exit.USAGE, "cannot read " + f + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(description = "List remotes (* marks the current one).", mixinStandardHelpOptions = true)
    static final class ListRemotes extends Leaf {
        ListRemotes(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            ConfigFile.Contents c = cli.configFile().read();
            List<List<String>> rows = new ArrayList<>();
            c.remotes()
                    .forEach((n, r) -> rows.add(List.of(
                            n.equals(c.current()) ? "*" : "",
                            n,
                            r.endpoint(),
                            r.project().isEmpty() ? "default" : r.project(),
                            r.token().isEmpty() ? "no" : "yes")));
            cli.printer()
                    .table(
                            List.of("", "NAME", "ENDPOINT", "PROJECT", "TOKEN"),
                            rows,
                            !cli.globals().noHeaders());
        }
    }

    @Command(description = "Make a remote the current one.", mixinStandardHelpOptions = true)
    static final class Use extends Leaf {
        @Parameters(paramLabel = "NAME")
        String name = "";

        Use(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            ConfigFile file = cli.configFile();
            ConfigFile.Contents c = file.read();
            if (!c.remotes().containsKey(name)) {
                throw new CliException(Exit.NOT_FOUND, "no remote named '" + Names.printable(name) + "'");
            }
            file.write(new ConfigFile.Contents(name, c.remotes()));
            cli.io().out().println("now using remote '" + name + "'");
            cli.io().out().flush();
        }
    }

    @Command(description = "Remove a remote.", mixinStandardHelpOptions = true)
    static final class Remove extends Leaf {
        @Parameters(paramLabel = "NAME")
        String name = "";

        Remove(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            ConfigFile file = cli.configFile();
            ConfigFile.Contents c = file.read();
            if (!c.remotes().containsKey(name)) {
                throw new CliException(Exit.NOT_FOUND, "no remote named '" + Names.printable(name) + "'");
            }
            cli.confirm("remove remote " + name);
            Map<String, Remote> remotes = new HashMap<>(c.remotes());
            remotes.remove(name);
            file.write(new ConfigFile.Contents(c.current().equals(name) ? "" : c.current(), remotes));
            cli.io().out().println("remote '" + name + "' removed");
            cli.io().out().flush();
        }
    }
}
