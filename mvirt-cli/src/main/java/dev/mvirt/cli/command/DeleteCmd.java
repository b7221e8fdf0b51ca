package dev.mvirt.cli.command;

import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Format;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvirt NOUN delete NAME...}: asks first on a terminal; {@code --wait} waits until each is gone. */
@Command(description = "Delete resources (asks first; -y skips).", mixinStandardHelpOptions = true)
final class DeleteCmd extends Leaf {
    private final Noun noun;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "names to delete")
    List<String> names = new ArrayList<>();

    @Option(names = "--force", description = "delete even if the host has not cleaned up")
    boolean force;

    @Option(names = "--if-match", paramLabel = "REVISION", description = "only if the revision is still REVISION")
    long ifMatch;

    @Mixin
    WaitOptions waiting = new WaitOptions();

    DeleteCmd(Cli cli, Noun noun) {
        super(cli);
        this.noun = noun;
    }

    @Override
    void run() {
        names.forEach(n -> Names.check(noun.cli(), n));
        String project = cli.project();
        String where = noun.scoped() ? " in project '" + project + "'" : "";
        cli.confirm("delete " + noun.cli() + " " + String.join(", ", names) + where);
        for (String name : names) {
            Map<String, String> headers = new HashMap<>();
            if (ifMatch > 0) {
                headers.put("If-Match", "\"" + ifMatch + "\"");
            }
            cli.client()
                    .send(
                            "DELETE",
                            noun.item(project, name),
                            force ? Map.of("force", "true") : Map.of(),
                            null,
                            headers);
            if (waiting.wait) {
                new Waiter(cli).gone(noun, project, name, waiting.timeout());
            }
            if (cli.globals().format() == Format.NAME) {
                cli.io().out().println(name);
            } else {
                cli.io().out().println(noun.cli() + " '" + name + "' deleted");
            }
        }
        cli.io().out().flush();
    }
}
