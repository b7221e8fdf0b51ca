package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.output.Columns;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Printer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mvirt events}: the cluster's event feed, live (one line per change; JSON lines with -o json). */
@Command(description = "Stream changes as they happen (Ctrl-C stops).", mixinStandardHelpOptions = true)
final class EventsCmd extends Leaf {
    @Option(names = "--kind", paramLabel = "KIND", description = "only these kinds, e.g. vms,nodes")
    String kind = "";

    @Option(names = "--from", paramLabel = "REVISION", description = "replay from this revision (default: now)")
    long from = -1;

    @Option(names = "--count", paramLabel = "N", description = "stop after N events")
    int count;

    EventsCmd(Cli cli) {
        super(cli);
    }

    @Override
    void run() {
        Map<String, String> q = new HashMap<>();
        if (!kind.isEmpty()) {
            q.put("kind", kind);
        }
        if (!cli.globals().project().isEmpty()
                || !cli.env().getOrDefault("MVIRT_PROJECT", "").isEmpty()) {
            q.put("project", Names.check("project", cli.project()));
        }
        long start = from >= 0
                ? from
                : cli.client().get("/api/v1/cluster").path("appliedIndex").asLong();
        Printer p = cli.printer();
        Format f = p.format();
        List<String> header = List.of("REVISION", "TYPE", "KIND", "PROJECT", "NAME", "PHASE");
        if ((f == Format.TABLE || f == Format.WIDE) && p.headers()) {
            cli.io().out().println(String.join("   ", header));
        }
        new Watcher(cli)
                .stream(
                        q,
                        start,
                        count,
                        e -> {
                            print(e, f, p);
                            return true;
                        },
                        () -> cli.client()
                                .get("/api/v1/cluster")
                                .path("appliedIndex")
                                .asLong());
    }

    private void print(JsonNode e, Format f, Printer p) {
        switch (f) {
            case JSON -> Emit.line(cli, e);
            case YAML -> {
                cli.io().out().print("---\n" + Printer.render(e, Format.YAML));
                cli.io().out().flush();
            }
            case NAME -> {
                cli.io()
                        .out()
                        .println(e.path("kind").asText() + "/"
                                + e.at("/resource/name").asText());
                cli.io().out().flush();
            }
            case TABLE, WIDE -> {
                JsonNode r = e.path("resource");
                cli.io()
                        .out()
                        .println(String.join(
                                "   ",
                                e.path("revision").asText(),
                                e.path("type").asText(),
                                e.path("kind").asText(),
                                e.path("project").asText("-"),
                                r.path("name").asText(),
                                Columns.text(r, "status/phase")));
                cli.io().out().flush();
            }
        }
    }
}
