package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.output.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mvirt join-token ...}: tokens hosts present at their first registration (admins). The secret is shown once;
 * revoking a join token refuses new hosts, not the ones already joined.
 */
final class JoinTokens {
    static final String PATH = "/api/v1/join-tokens";
    private static final Secrets SECRETS = new Secrets("join token", PATH);

    private JoinTokens() {}

    /** The {@code join-token} group. */
    static CommandLine group(Cli cli) {
        return Commands.group("Join tokens for hosts (admins).")
                .addSubcommand("list", new ListJoinTokens(cli), "ls")
                .addSubcommand("create", new Create(cli))
                .addSubcommand("revoke", new Revoke(cli));
    }

    @Command(description = "List join tokens (never their secrets).", mixinStandardHelpOptions = true)
    static final class ListJoinTokens extends Leaf {
        ListJoinTokens(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            JsonNode list = SECRETS.call(() -> cli.client().get(PATH));
            switch (cli.globals().format()) {
                case JSON, YAML -> cli.printer().object(list);
                case NAME ->
                    list.path("items")
                            .forEach(t -> cli.io().out().println(t.path("name").asText()));
                case TABLE, WIDE -> {
                    List<List<String>> rows = new ArrayList<>();
                    long now = cli.clock().millis();
                    list.path("items").forEach(t -> {
                        rows.add(List.of(
                                t.path("name").asText(),
                                Secrets.expiry(t.path("expiresAt").asLong(), now),
                                t.path("revoked").asBoolean() ? "yes" : "no",
                                Units.age(t.path("createdAt").asLong(), now)));
                    });
                    cli.printer()
                            .table(
                                    List.of("NAME", "EXPIRES", "REVOKED", "AGE"),
                                    rows,
                                    !cli.globals().noHeaders());
                }
            }
            cli.io().out().flush();
        }
    }

    @Command(description = "Create a join token; prints its secret once.", mixinStandardHelpOptions = true)
    static final class Create extends Leaf {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Option(names = "--expires", paramLabel = "DURATION", description = "e.g. 24h (default never)")
        String expires = "";

        Create(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            ObjectNode body = ApiClient.json().createObjectNode().put("name", Names.check("join token", name));
            if (!expires.isEmpty()) {
                body.put("expiresAt", Secrets.expiresAt(cli, "--expires", expires));
            }
            JsonNode created = SECRETS.call(() ->
                    cli.client().send("POST", PATH, Map.of(), body, Map.of()).body());
            Secrets.printCreated(
                    cli,
                    created,
                    "join token '" + name + "' created; its secret is shown only now"
                            + " (give it to mvirt-node with --join-token-file):");
        }
    }

    @Command(description = "Revoke a join token (joined hosts keep working).", mixinStandardHelpOptions = true)
    static final class Revoke extends Leaf {
        @Parameters(paramLabel = "NAME")
        String name = "";

        Revoke(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            SECRETS.revoke(cli, name);
        }
    }
}
