package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.ApiError;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvirt token ...}: API tokens (admins). The secret is shown once, at creation. */
final class Tokens {
    private Tokens() {}

    @Command(description = "List tokens (never their secrets).", mixinStandardHelpOptions = true)
    static final class ListTokens extends Leaf {
        ListTokens(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            JsonNode list = tokenApi(() -> cli.client().get("/api/v1/tokens"));
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
            JsonNode t = tokenApi(() -> cli.client().get("/api/v1/tokens/" + name));
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
                body.put("expiresAt", cli.clock().millis() + duration(expires));
            }
            JsonNode created = tokenApi(() -> cli.client()
                    .send("POST", "/api/v1/tokens", Map.of(), body, Map.of())
                    .body());
            if (cli.globals().format() == Format.JSON || cli.globals().format() == Format.YAML) {
                cli.printer().object(created);
            } else {
                cli.io().err().println("token '" + name + "' created; its secret is shown only now:");
                cli.io().out().println(created.path("secret").asText());
                cli.io().out().flush();
            }
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
            Names.check("token", name);
            cli.confirm("revoke token " + name);
            tokenApi(() -> cli.client()
                    .send("DELETE", "/api/v1/tokens/" + name, Map.of(), null, Map.of())
                    .body());
            cli.io().out().println("token '" + name + "' revoked");
            cli.io().out().flush();
        }
    }

    private static List<String> row(Cli cli, JsonNode t) {
        List<String> projects = new ArrayList<>();
        t.path("projects").forEach(p -> projects.add(p.asText()));
        long exp = t.path("expiresAt").asLong();
        return List.of(
                t.path("name").asText(),
                t.path("role").asText(),
                projects.isEmpty() ? "*" : String.join(",", projects),
                exp == 0 ? "never" : Units.age(cli.clock().millis(), exp),
                t.path("revoked").asBoolean() ? "yes" : "no",
                Units.age(t.path("createdAt").asLong(), cli.clock().millis()));
    }

    private static long duration(String text) {
        try {
            return Units.parseDuration("--expires-in", text).toMillis();
        } catch (IllegalArgumentException e) {
            throw new CliException(Exit.USAGE, e.getMessage(), e);
        }
    }

    static JsonNode tokenApi(Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (ApiError e) {
            if (ClusterCmds.endpointMissing(e)) {
                throw new CliException(
                        Exit.NOT_SUPPORTED, "this server has no token API (/api/v1/tokens answered 404)");
            }
            throw e;
        }
    }
}
