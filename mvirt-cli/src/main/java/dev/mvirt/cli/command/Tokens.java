package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvirt token ...}: API tokens (admins). The secret is shown once, at creation. */
final class Tokens {
    private static final Secrets SECRETS = new Secrets("token", "/api/v1/tokens");

    private Tokens() {}

    @Command(description = "List tokens (never their secrets).", mixinStandardHelpOptions = true)
    static final class ListTokens extends Leaf {
        ListTokens(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            JsonNode list = SECRETS.call(() -> cli.client().get("/api/v1/tokens"));
            switch (cli.globals().format()) {
                case JSON, YAML -> cli.printer().object(list);
                case NAME ->
                    list.path("items")
                            .forEach(t -> cli.io().out().println(t.path("name").asText()));
                case TABLE, WIDE -> {
                    List<List<String>> rows = new ArrayList<>();
                    list.path("items").forEach(t -> rows.add(row(cli, t)));
                    cli.printer()
                            .table(
                                    List.of("NAME", "ROLE", "PROJECTS", "EXPIRES", "REVOKED", "AGE"),
                                    rows,
                                    !cli.globals().noHeaders());
                }
            }
            cli.io().out().flush();
        }
    }

    @Command(description = "Show one token.", mixinStandardHelpOptions = true)
    static final class Get extends Leaf {
        @Parameters(paramLabel = "NAME")
        String name = "";

        Get(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("token", name);
            JsonNode t = SECRETS.call(() -> cli.client().get("/api/v1/tokens/" + name));
            if (cli.globals().format() == Format.TABLE || cli.globals().format() == Format.WIDE) {
                cli.printer()
                        .table(
                                List.of("NAME", "ROLE", "PROJECTS", "EXPIRES", "REVOKED", "AGE"),
                                List.of(row(cli, t)),
                                !cli.globals().noHeaders());
            } else {
                cli.printer().object(t);
            }
        }
    }

    @Command(description = "Create a token; prints its secret once.", mixinStandardHelpOptions = true)
    static final class Create extends Leaf {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Option(names = "--role", paramLabel = "ROLE", description = "viewer, operator or admin (default viewer)")
        String role = "viewer";

        @Option(names = "--for-project", paramLabel = "PROJECT", description = "limit to a project (repeatable)")
        List<String> projects = new ArrayList<>();

        @Option(names = "--expires-in", paramLabel = "DURATION", description = "e.g. 720h (default never)")
        String expires = "";

        Create(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            ObjectNode body = ApiClient.json()
                    .createObjectNode()
                    .put("name", Names.check("token", name))
                    .put("role", role);
            var a = body.putArray("projects");
            projects.forEach(p -> a.add(Names.check("project", p)));
            if (!expires.isEmpty()) {
                body.put("expiresAt", Secrets.expiresAt(cli, "--expires-in", expires));
            }
            JsonNode created = SECRETS.call(() -> cli.client()
                    .send("POST", "/api/v1/tokens", Map.of(), body, Map.of())
                    .body());
            Secrets.printCreated(cli, created, "token '" + name + "' created; its secret is shown only now:");
        }
    }

    @Command(description = "Revoke a token.", mixinStandardHelpOptions = true)
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

    private static List<String> row(Cli cli, JsonNode t) {
        List<String> projects = new ArrayList<>();
        t.path("projects").forEach(p -> projects.add(p.asText()));
        return List.of(
                t.path("name").asText(),
                t.path("role").asText(),
                projects.isEmpty() ? "*" : String.join(",", projects),
                Secrets.expiry(t.path("expiresAt").asLong(), cli.clock().millis()),
                t.path("revoked").asBoolean() ? "yes" : "no",
                Units.age(t.path("createdAt").asLong(), cli.clock().millis()));
    }
}
