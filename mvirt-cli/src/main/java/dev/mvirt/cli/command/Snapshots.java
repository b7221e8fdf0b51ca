package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mvirt snapshot list|create|delete VOLUME [NAME]}: snapshots live in their volume's spec. */
final class Snapshots {
    private Snapshots() {}

    @Command(description = "List a volume's snapshots.", mixinStandardHelpOptions = true)
    static final class ListSnapshots extends Leaf {
        @Parameters(paramLabel = "VOLUME")
        String volume = "";

        ListSnapshots(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("volume", volume);
            JsonNode v = cli.client().get(Noun.VOLUME.item(cli.project(), volume));
            JsonNode snaps = v.at("/spec/snapshots");
            var p = cli.printer();
            switch (p.format()) {
                case JSON, YAML ->
                    p.structured(snaps.isMissingNode() ? ApiClient.json().createArrayNode() : snaps);
                case NAME ->
                    snaps.forEach(s -> cli.io().out().println(s.path("name").asText()));
                case TABLE, WIDE -> {
                    List<List<String>> rows = new ArrayList<>();
                    long now = cli.clock().millis();
                    snaps.forEach(s -> rows.add(List.of(
                            s.path("name").asText(),
                            volume,
                            Units.age(s.path("createdAt").asLong(), now))));
                    p.table(List.of("NAME", "VOLUME", "AGE"), rows, p.headers());
                }
            }
            cli.io().out().flush();
        }
    }

    @Command(description = "Take a snapshot of a volume.", mixinStandardHelpOptions = true)
    static final class Create extends Leaf {
        @Parameters(index = "0", paramLabel = "VOLUME")
        String volume = "";

        @Parameters(index = "1", paramLabel = "NAME")
        String name = "";

        Create(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("volume", volume);
            ObjectNode body = ApiClient.json().createObjectNode().put("name", Names.check("snapshot", name));
            String path = Noun.VOLUME.item(cli.project(), volume) + "/snapshots";
            JsonNode v =
                    cli.client().send("POST", path, Map.of(), body, Map.of()).body();
            report(cli, v, "snapshot '" + name + "' of volume '" + volume + "' created");
        }
    }

    @Command(description = "Delete a snapshot of a volume.", mixinStandardHelpOptions = true)
    static final class Delete extends Leaf {
        @Parameters(index = "0", paramLabel = "VOLUME")
        String volume = "";

        @Parameters(index = "1", paramLabel = "NAME")
        String name = "";

        Delete(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("volume", volume);
            Names.check("snapshot", name);
            cli.confirm("delete snapshot " + name + " of volume " + volume);
            String path = Noun.VOLUME.item(cli.project(), volume) + "/snapshots/" + name;
            JsonNode v =
                    cli.client().send("DELETE", path, Map.of(), null, Map.of()).body();
            report(cli, v, "snapshot '" + name + "' of volume '" + volume + "' deleted");
        }
    }

    private static void report(Cli cli, JsonNode volume, String message) {
        if (cli.globals().format() == Format.TABLE) {
            cli.io().out().println(message);
            cli.io().out().flush();
        } else {
            cli.printer().one(Noun.VOLUME, volume);
        }
    }
}
