package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Actions with a body or a PATCH underneath: node drain, nic attach, volume resize and rollback. */
final class Actions {
    private Actions() {}

    @Command(
            description = "Cordon a node and move its VMs away (evacuation by the cluster).",
            mixinStandardHelpOptions = true)
    static final class Drain extends Leaf {
        @Parameters(paramLabel = "NODE")
        String name = "";

        Drain(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("node", name);
            cli.confirm("drain node " + name + " (its VMs are moved away)");
            ObjectNode patch = ApiClient.json().createObjectNode();
            patch.putObject("spec").put("cordoned", true).put("draining", true);
            cli.printer()
                    .one(
                            Noun.NODE,
                            cli.client()
                                    .send("PATCH", Noun.NODE.item("", name), Map.of(), patch, Map.of())
                                    .body());
        }
    }

    @Command(description = "Attach a NIC to a VM.", mixinStandardHelpOptions = true)
    static final class Attach extends Leaf {
        @Parameters(index = "0", paramLabel = "NIC")
        String name = "";

        @Parameters(index = "1", paramLabel = "VM")
        String vm = "";

        Attach(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("nic", name);
            ObjectNode body = ApiClient.json().createObjectNode().put("vm", Names.check("vm", vm));
            String path = Noun.NIC.item(cli.project(), name) + "/attach";
            cli.printer()
                    .one(
                            Noun.NIC,
                            cli.client()
                                    .send("POST", path, Map.of(), body, Map.of())
                                    .body());
        }
    }

    @Command(description = "Grow a volume.", mixinStandardHelpOptions = true)
    static final class Resize extends Leaf {
        @Parameters(index = "0", paramLabel = "VOLUME")
        String name = "";

        @Parameters(index = "1", paramLabel = "SIZE", description = "the new size, e.g. 20GiB")
        String size = "";

        Resize(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("volume", name);
            ObjectNode patch = ApiClient.json().createObjectNode();
            patch.putObject("spec").put("sizeBytes", CreateCmd.bytes("SIZE", size));
            String path = Noun.VOLUME.item(cli.project(), name);
            cli.printer()
                    .one(
                            Noun.VOLUME,
                            cli.client()
                                    .send("PATCH", path, Map.of(), patch, Map.of())
                                    .body());
        }
    }

    @Command(description = "Roll a volume back to a snapshot (later data is lost).", mixinStandardHelpOptions = true)
    static final class Rollback extends Leaf {
        @Parameters(index = "0", paramLabel = "VOLUME")
        String name = "";

        @Parameters(index = "1", paramLabel = "SNAPSHOT")
        String snapshot = "";

        @Mixin
        WaitOptions waiting = new WaitOptions();

        Rollback(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("volume", name);
            Names.check("snapshot", snapshot);
            String project = cli.project();
            cli.confirm("roll volume " + name + " back to snapshot " + snapshot);
            ObjectNode body = ApiClient.json().createObjectNode().put("snapshot", snapshot);
            JsonNode r = cli.client()
                    .send("POST", Noun.VOLUME.item(project, name) + "/rollback", Map.of(), body, Map.of())
                    .body();
            if (waiting.wait) {
                long generation = r.at("/spec/rollbackGeneration").asLong();
                r = new Waiter(cli)
                        .until(
                                Noun.VOLUME,
                                project,
                                name,
                                v -> v.at("/status/rollbackGeneration").asLong() >= generation,
                                "roll back",
                                waiting.timeout());
            }
            cli.printer().one(Noun.VOLUME, r);
        }
    }

    @Command(description = "Add a rule to a security group.", mixinStandardHelpOptions = true)
    static final class AddRule extends Leaf {
        @Parameters(index = "0", paramLabel = "GROUP")
        String name = "";

        @Parameters(
                index = "1",
                paramLabel = "RULE",
                description = "direction=ingress,protocol=tcp,port=22,cidr=0.0.0.0/0")
        String rule = "";

        AddRule(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("security-group", name);
            String path = Noun.SECURITY_GROUP.item(cli.project(), name) + "/rules";
            JsonNode r = cli.client()
                    .send("POST", path, Map.of(), Rules.parse(rule), Map.of())
                    .body();
            cli.printer().one(Noun.SECURITY_GROUP, r);
        }
    }

    @Command(
            description = "Remove a rule (by its index in 'rules') from a security group.",
            mixinStandardHelpOptions = true)
    static final class RemoveRule extends Leaf {
        @Parameters(index = "0", paramLabel = "GROUP")
        String name = "";

        @Parameters(index = "1", paramLabel = "INDEX")
        int index;

        @Option(names = "--if-match", paramLabel = "REVISION")
        long ifMatch;

        RemoveRule(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("security-group", name);
            cli.confirm("remove rule " + index + " from security group " + name);
            String path = Noun.SECURITY_GROUP.item(cli.project(), name) + "/rules/" + index;
            Map<String, String> headers = ifMatch > 0 ? Map.of("If-Match", "\"" + ifMatch + "\"") : Map.of();
            cli.printer()
                    .one(
                            Noun.SECURITY_GROUP,
                            cli.client()
                                    .send("DELETE", path, Map.of(), null, headers)
                                    .body());
        }
    }
}
