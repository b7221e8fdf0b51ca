package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.output.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mvirt settings ...}: cluster settings (key/value) and feature flags. */
final class SettingsCmds {
    private SettingsCmds() {}

    @Command(description = "Show the settings (or one KEY).", mixinStandardHelpOptions = true)
    static final class Get extends Leaf {
        @Parameters(arity = "0..1", paramLabel = "KEY")
        String key = "";

        Get(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            show(cli, cli.client().get("/api/v1/settings"), key);
        }
    }

    @Command(description = "Set settings (KEY=VALUE...).", mixinStandardHelpOptions = true)
    static final class Set extends Leaf {
        @Parameters(arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> pairs = new ArrayList<>();

        Set(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            ObjectNode body = ApiClient.json().createObjectNode();
            for (String kv : pairs) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new CliException(Exit.USAGE, "setting '" + Names.printable(kv) + "': use key=value");
                }
                body.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            show(
                    cli,
                    cli.client()
                            .send("PATCH", "/api/v1/settings", Map.of(), body, Map.of())
                            .body(),
                    "");
        }
    }

    @Command(description = "Reset settings to their defaults.", mixinStandardHelpOptions = true)
    static final class Unset extends Leaf {
        @Parameters(arity = "1..*", paramLabel = "KEY")
        List<String> keys = new ArrayList<>();

        Unset(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            ObjectNode body = ApiClient.json().createObjectNode();
            keys.forEach(k -> body.put(k, ""));
            show(
                    cli,
                    cli.client()
                            .send("PATCH", "/api/v1/settings", Map.of(), body, Map.of())
                            .body(),
                    "");
        }
    }

    @Command(description = "Show feature flags.", mixinStandardHelpOptions = true)
    static final class Features extends Leaf {
        Features(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            JsonNode f = cli.client().get("/api/v1/features");
            if (cli.globals().format() == Format.JSON || cli.globals().format() == Format.YAML) {
                cli.printer().object(f);
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            f.path("features")
                    .properties()
                    .forEach(e -> rows.add(List.of(e.getKey(), e.getValue().asBoolean() ? "on" : "off")));
            cli.printer()
                    .table(List.of("FEATURE", "STATE"), rows, !cli.globals().noHeaders());
        }
    }

    @Command(description = "Turn a feature flag on or off.", mixinStandardHelpOptions = true)
    static final class Toggle extends Leaf {
        private final boolean enabled;

        @Parameters(paramLabel = "FEATURE")
        String feature = "";

        Toggle(Cli cli, boolean enabled) {
            super(cli);
            this.enabled = enabled;
        }

        @Override
        void run() {
            ObjectNode body = ApiClient.json().createObjectNode().put("enabled", enabled);
            String path = "/api/v1/features/" + Names.check("feature", feature);
            JsonNode f =
                    cli.client().send("PUT", path, Map.of(), body, Map.of()).body();
            if (cli.globals().format() == Format.JSON || cli.globals().format() == Format.YAML) {
                cli.printer().object(f);
            } else {
                cli.io().out().println("feature '" + feature + "' " + (enabled ? "on" : "off"));
                cli.io().out().flush();
            }
        }
    }

    private static void show(Cli cli, JsonNode settings, String key) {
        Format f = cli.globals().format();
        if (!key.isEmpty()) {
            JsonNode v = settings.path("values").path(key);
            if (v.isMissingNode()) {
                throw new CliException(Exit.NOT_FOUND, "setting '" + Names.printable(key) + "' is not set");
            }
            cli.io().out().println(v.asText());
        } else if (f == Format.JSON || f == Format.YAML) {
            cli.printer().object(settings);
        } else {
            List<List<String>> rows = new ArrayList<>();
            settings.path("values")
                    .properties()
                    .forEach(e -> rows.add(List.of(e.getKey(), e.getValue().asText())));
            cli.printer().table(List.of("KEY", "VALUE"), rows, !cli.globals().noHeaders());
        }
        cli.io().out().flush();
    }
}
