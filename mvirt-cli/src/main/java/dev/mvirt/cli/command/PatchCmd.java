package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvirt NOUN patch NAME --set spec.key=value}: a JSON merge patch of labels and spec. */
@Command(description = "Change spec fields or labels (JSON merge patch).", mixinStandardHelpOptions = true)
final class PatchCmd extends Leaf {
    private final Noun noun;

    @Parameters(paramLabel = "NAME")
    String name = "";

    @Option(
            names = "--set",
            paramLabel = "PATH=VALUE",
            description = "e.g. spec.vcpus=4 (VALUE is JSON or a string; null resets)")
    List<String> sets = new ArrayList<>();

    @Option(
            names = "--json",
            paramLabel = "PATCH",
            description = "a whole merge patch, e.g. '{\"spec\":{\"vcpus\":4}}'")
    String json = "";

    @Option(names = "--if-match", paramLabel = "REVISION", description = "only if the revision is still REVISION")
    long ifMatch;

    PatchCmd(Cli cli, Noun noun) {
        super(cli);
        this.noun = noun;
    }

    @Override
    void run() {
        Names.check(noun.cli(), name);
        ObjectNode patch = json.isEmpty()
                ? ApiClient.json().createObjectNode()
                : parse(json).deepCopy();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new CliException(Exit.USAGE, "--set '" + Names.printable(s) + "': use path=value");
            }
            put(patch, s.substring(0, eq).split("\\."), value(s.substring(eq + 1)));
        }
        if (patch.isEmpty()) {
            throw new CliException(Exit.USAGE, "nothing to change: give --set or --json");
        }
        Map<String, String> headers = ifMatch > 0 ? Map.of("If-Match", "\"" + ifMatch + "\"") : Map.of();
        cli.printer()
                .one(
                        noun,
                        cli.client()
                                .send("PATCH", noun.item(cli.project(), name), Map.of(), patch, headers)
                                .body());
    }

    static void put(ObjectNode root, String[] path, JsonNode value) {
        ObjectNode at = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = at.path(path[i]);
            at = next.isObject() ? (ObjectNode) next : at.putObject(path[i]);
        }
        at.set(path[path.length - 1], value);
    }

    static JsonNode value(String text) {
        if (text.isBlank()) {
            return ApiClient.json().getNodeFactory().textNode(text);
        }
        try {
            return ApiClient.json().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ApiClient.json().getNodeFactory().textNode(text);
        }
    }

    private static ObjectNode parse(String text) {
        JsonNode n = value(text);
        if (!n.isObject()) {
            throw new CliException(Exit.USAGE, "--json must be a JSON object");
        }
        return (ObjectNode) n;
    }
}
