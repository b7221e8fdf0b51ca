package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mvirt NOUN label NAME key=value key-}: sets and removes labels (a merge patch). */
@Command(description = "Set (key=value) or remove (key-) labels.", mixinStandardHelpOptions = true)
final class LabelCmd extends Leaf {
    private final Noun noun;

    @Parameters(index = "0", paramLabel = "NAME")
    String name = "";

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE|KEY-")
    List<String> changes = new ArrayList<>();

    LabelCmd(Cli cli, Noun noun) {
        super(cli);
        this.noun = noun;
    }

    @Override
    void run() {
        Names.check(noun.cli(), name);
        ObjectNode patch = ApiClient.json().createObjectNode();
        ObjectNode labels = patch.putObject("labels");
        for (String c : changes) {
            if (c.endsWith("-") && !c.contains("=")) {
                labels.putNull(c.substring(0, c.length() - 1));
            } else if (c.indexOf('=') > 0) {
                labels.put(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1));
            } else {
                throw new CliException(Exit.USAGE, "label change '" + Names.printable(c) + "': use key=value or key-");
            }
        }
        var r = cli.client()
                .send("PATCH", noun.item(cli.project(), name), Map.of(), patch, Map.of())
                .body();
        cli.printer().one(noun, r);
    }
}
