package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.ApiError;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Printer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mvirt cluster ...}: the Raft group (status, peers, leadership, snapshots) and readiness. */
final class ClusterCmds {
    private ClusterCmds() {}

    @Command(description = "The Raft group as the answering peer sees it.", mixinStandardHelpOptions = true)
    static final class Status extends Leaf {
        Status(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            JsonNode c = cli.client().get("/api/v1/cluster");
            Printer p = cli.printer();
            if (p.format() != Format.TABLE && p.format() != Format.WIDE) {
                p.object(c);
                return;
            }
            p.table(
                    List.of("SELF", "ROLE", "LEADER", "TERM", "COMMIT", "APPLIED", "READY"),
                    List.of(List.of(
                            c.path("self").asText(),
                            c.path("role").asText(),
                            c.path("leader").asText(""),
                            c.path("term").asText(),
                            c.path("commitIndex").asText(),
                            c.path("appliedIndex").asText(),
                            c.path("ready").asBoolean() ? "yes" : "no")),
                    p.headers());
            cli.io().out().println();
            peers(cli, c.path("peers"));
        }
    }

    @Command(description = "List the peers.", mixinStandardHelpOptions = true)
    static final class Peers extends Leaf {
        Peers(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            JsonNode list = cli.client().get("/api/v1/cluster/peers");
            if (cli.globals().format() == Format.TABLE || cli.globals().format() == Format.WIDE) {
                peers(cli, list.path("items"));
            } else if (cli.globals().format() == Format.NAME) {
                list.path("items")
                        .forEach(i -> cli.io().out().println(i.path("id").asText()));
                cli.io().out().flush();
            } else {
                cli.printer().object(list);
            }
        }
    }

    @Command(description = "Add a peer to the group.", mixinStandardHelpOptions = true)
    static final class AddPeer extends Leaf {
        @Parameters(index = "0", paramLabel = "ID")
        String id = "";

        @Parameters(index = "1", paramLabel = "HOST:PORT", description = "its Raft address")
        String address = "";

        AddPeer(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            ObjectNode body = ApiClient.json()
                    .createObjectNode()
                    .put("id", Names.check("id", id))
                    .put("address", address);
            JsonNode list = cli.client()
                    .send("POST", "/api/v1/cluster/peers", Map.of(), body, Map.of())
                    .body();
            peers(cli, list.path("items"));
        }
    }

    @Command(description = "Remove a peer from the group.", mixinStandardHelpOptions = true)
    static final class RemovePeer extends Leaf {
        @Parameters(paramLabel = "ID")
        String id = "";

        RemovePeer(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("id", id);
            cli.confirm("remove peer " + id + " from the cluster");
            cli.client().send("DELETE", "/api/v1/cluster/peers/" + id, Map.of(), null, Map.of());
            cli.io().out().println("peer '" + id + "' removed");
            cli.io().out().flush();
        }
    }

    @Command(description = "Show the leader, or move leadership to peer ID.", mixinStandardHelpOptions = true)
    static final class Leader extends Leaf {
        @Parameters(arity = "0..1", paramLabel = "ID", description = "transfer leadership to this peer")
        String id = "";

        Leader(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            JsonNode l = id.isEmpty()
                    ? cli.client().get("/api/v1/cluster/leader")
                    : cli.client()
                            .send(
                                    "POST",
                                    "/api/v1/cluster/leader",
                                    Map.of(),
                                    ApiClient.json().createObjectNode().put("id", Names.check("id", id)),
                                    Map.of())
                            .body();
            if (cli.globals().format() == Format.JSON || cli.globals().format() == Format.YAML) {
                cli.printer().object(l);
            } else {
                cli.io().out().println(l.path("leader").asText("(no leader)"));
                cli.io().out().flush();
            }
        }
    }

    @Command(description = "Take a Raft snapshot now.", mixinStandardHelpOptions = true)
    static final class Snapshot extends Leaf {
        Snapshot(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            cli.printer()
                    .object(cli.client()
                            .send("POST", "/api/v1/cluster/snapshot", Map.of(), null, Map.of())
                            .body());
        }
    }

    @Command(description = "Readiness of the answering peer (exit 8 when not ready).", mixinStandardHelpOptions = true)
    static final class Health extends Leaf {
        Health(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            var a = cli.client().send("GET", "/health/ready", Map.of("verbose", "true"), null, Map.of());
            cli.printer().object(a.body());
        }
    }

    static void peers(Cli cli, JsonNode items) {
        List<List<String>> rows = new ArrayList<>();
        items.forEach(p -> rows.add(List.of(
                p.path("id").asText(),
                p.path("address").asText(),
                p.path("leader").asBoolean() ? "yes" : "")));
        cli.printer()
                .table(
                        List.of("PEER", "ADDRESS", "LEADER"),
                        rows,
                        !cli.globals().noHeaders());
    }

    /** Whether {@code e} says the endpoint itself does not exist on this server. */
    static boolean endpointMissing(ApiError e) {
        return e.status() == 404
                && ("no such endpoint".equals(e.getMessage()) || e.code().equals("http_404"));
    }
}
