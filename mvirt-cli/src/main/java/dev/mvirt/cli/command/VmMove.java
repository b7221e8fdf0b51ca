package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mvirt vm move NAME [--node NODE]}: a cold move of a stopped VM (no local volume) to another host; the
 * scheduler chooses unless {@code --node} names one. Not destructive, so no prompt; prints the VM on its new node.
 */
@Command(
        description = "Move a stopped VM to another host (cold; not with a local volume).",
        mixinStandardHelpOptions = true)
final class VmMove extends Leaf {
    @Parameters(paramLabel = "VM")
    String name = "";

    @Option(names = "--node", paramLabel = "NODE", description = "the target node's name or id (default: scheduler)")
    String node = "";

    VmMove(Cli cli) {
        super(cli);
    }

    @Override
    void run() {
        Names.check("vm", name);
        ObjectNode body = ApiClient.json().createObjectNode();
        if (!node.isEmpty()) {
            body.put("node", Names.check("node", node));
        }
        String path = Noun.VM.item(cli.project(), name) + "/move";
        JsonNode moved =
                cli.client().send("POST", path, Map.of(), body, Map.of()).body();
        cli.printer().one(Noun.VM, moved);
        cli.io()
                .err()
                .println("vm '" + name + "' moved; it stays "
                        + moved.at("/spec/desired").asText() + " on its new node (mvirt vm start " + name
                        + " runs it there)");
    }
}
