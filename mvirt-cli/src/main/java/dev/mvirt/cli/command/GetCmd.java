package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Printer;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvirt NOUN get NAME}: one resource; {@code -w} follows its changes. */
@Command(description = "Show one resource.", mixinStandardHelpOptions = true)
final class GetCmd extends Leaf {
    private final Noun noun;

    @Parameters(paramLabel = "NAME", description = "the resource's name")
    String name = "";

    @Option(
            names = {"-w", "--watch"},
            description = "then print each change of it")
    boolean watch;

    @Option(names = "--count", hidden = true, description = "stop watching after N events")
    int count;

    GetCmd(Cli cli, Noun noun) {
        super(cli);
        this.noun = noun;
    }

    @Override
    void run() {
        Names.check(noun.cli(), name);
        String project = cli.project();
        var answer = cli.client().get(noun.item(project, name), Map.of());
        JsonNode r = answer.body();
        Printer p = cli.printer();
        if (watch && p.format() == Format.JSON) {
            Emit.line(cli, r);
        } else {
            p.one(noun, r);
        }
        if (!watch) {
            return;
        }
        Map<String, String> q =
                noun.scoped() ? Map.of("kind", noun.plural(), "project", project) : Map.of("kind", noun.plural());
        long from = r.path("revision").asLong();
        String id = r.path("id").asText();
        new Watcher(cli)
                .stream(
                        q,
                        from,
                        count,
                        e -> {
                            if (!e.at("/resource/id").asText().equals(id)) {
                                return false;
                            }
                            Emit.resource(cli, p, noun, e.path("resource"));
                            return true;
                        },
                        () -> cli.client()
                                .get(noun.item(project, name))
                                .path("revision")
                                .asLong());
    }
}
