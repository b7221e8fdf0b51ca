package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Printer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mvirt NOUN list}: every page, optionally across projects, optionally watched. */
@Command(description = "List resources.", mixinStandardHelpOptions = true)
final class ListCmd extends Leaf {
    private final Noun noun;

    @Option(
            names = {"-l", "--selector"},
            paramLabel = "SELECTOR",
            description = "label selector: env=prod,tier")
    String selector = "";

    @Option(
            names = {"-A", "--all-projects"},
            description = "every project")
    boolean allProjects;

    @Option(
            names = {"-w", "--watch"},
            description = "after listing, print changes as they happen")
    boolean watch;

    @Option(names = "--count", hidden = true, description = "stop watching after N events")
    int count;

    ListCmd(Cli cli, Noun noun) {
        super(cli);
        this.noun = noun;
    }

    @Override
    void run() {
        ObjectNode answer = fetch();
        Printer p = cli.printer();
        if (!watch) {
            p.list(noun, answer);
            return;
        }
        if (p.format() == dev.mvirt.cli.output.Format.JSON) {
            answer.path("items").forEach(i -> Emit.line(cli, i));
        } else {
            p.list(noun, answer);
        }
        Map<String, String> q = new HashMap<>(Map.of("kind", noun.plural()));
        if (noun.scoped() && !allProjects) {
            q.put("project", cli.project());
        }
        new Watcher(cli)
                .stream(
                        q,
                        answer.path("revision").asLong(),
                        count,
                        e -> {
                            Emit.resource(cli, p, noun, e.path("resource"));
                            return true;
                        },
                        () -> fetch().path("revision").asLong());
    }

    /** All pages of every wanted project, as one list answer at the highest revision seen. */
    ObjectNode fetch() {
        List<String> projects = noun.scoped() && allProjects ? projects(cli) : List.of(cli.project());
        ObjectNode out = ApiClient.json().createObjectNode();
        ArrayNode items = out.putArray("items");
        long revision = 0;
        for (String project : projects) {
            String next = "";
            do {
                Map<String, String> q = new HashMap<>(Map.of("limit", "500"));
                if (!selector.isEmpty()) {
                    q.put("labels", selector);
                }
                if (!next.isEmpty()) {
                    q.put("continue", next);
                }
                JsonNode page = cli.client().get(noun.collection(project), q).body();
                page.path("items").forEach(items::add);
                revision = Math.max(revision, page.path("revision").asLong());
                next = page.path("continue").asText("");
            } while (!next.isEmpty());
        }
        out.put("revision", revision);
        return out;
    }

    static List<String> projects(Cli cli) {
        List<String> out = new ArrayList<>();
        cli.client()
                .get(Noun.PROJECT.collection(""), Map.of("limit", "1000"))
                .body()
                .path("items")
                .forEach(p -> out.add(p.path("name").asText()));
        return out;
    }
}
