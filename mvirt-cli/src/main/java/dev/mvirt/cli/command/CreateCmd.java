package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mvirt NOUN create NAME [flags]}: builds {@code {name, labels, spec}} from flags (over an optional
 * {@code -f} file holding a spec), POSTs it with an Idempotency-Key, prints the answer and optionally waits.
 */
abstract class CreateCmd extends Leaf {
    final Noun noun;

    @Parameters(index = "0", paramLabel = "NAME", description = "the new resource's name")
    String name = "";

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "a label (repeatable)")
    List<String> labels = new ArrayList<>();

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "YAML or JSON with a spec (flags override it)")
    String file = "";

    @Mixin
    WaitOptions waiting = new WaitOptions();

    CreateCmd(Cli cli, Noun noun) {
        super(cli);
        this.noun = noun;
    }

    /** Adds the flags to {@code spec} (already holding the file's spec, if any). */
    abstract void spec(ObjectNode spec);

    /** The phase {@code --wait} waits for; empty when the kind has none. */
    Optional<String> readyPhase() {
        return Optional.of("ready");
    }

    @Override
    final void run() {
        Names.check("name", name);
        ObjectNode body = ApiClient.json().createObjectNode();
        body.put("name", name);
        ObjectNode fromFile = file.isEmpty() ? ApiClient.json().createObjectNode() : readFile();
        ObjectNode l = fromFile.path("labels").isObject() ? (ObjectNode) fromFile.get("labels") : body.objectNode();
        for (String kv : labels) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CliException(Exit.USAGE, "--label '" + Names.printable(kv) + "': use key=value");
            }
            l.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        body.set("labels", l);
        ObjectNode spec = fromFile.path("spec").isObject() ? (ObjectNode) fromFile.get("spec") : body.objectNode();
        spec(spec);
        body.set("spec", spec);
        String project = cli.project();
        JsonNode created = cli.client()
                .send(
                        "POST",
                        noun.collection(project),
                        Map.of(),
                        body,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .body();
        Optional<String> phase = readyPhase();
        if (waiting.wait && phase.isPresent()) {
            created = new Waiter(cli).phase(noun, project, name, phase.get(), waiting.timeout());
        }
        if (cli.globals().format() == Format.TABLE) {
            cli.io()
                    .out()
                    .println(noun.cli() + " '" + name + "' created"
                            + (noun.scoped() ? " in project '" + project + "'" : ""));
            cli.io().out().flush();
        } else {
            cli.printer().one(noun, created);
        }
    }

    private ObjectNode readFile() {
        try {
            JsonNode n = new YAMLMapper().readTree(Path.of(file).toFile());
            if (!n.isObject()) {
                throw new CliException(Exit.USAGE, file + ": expected an object with spec (and labels)");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new CliException(Exit.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void text(ObjectNode spec, String field, String value) {
        if (!value.isEmpty()) {
            spec.put(field, value);
        }
    }

    static void list(ObjectNode spec, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = spec.putArray(field);
            values.forEach(a::add);
        }
    }

    static void map(ObjectNode spec, String field, List<String> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        ObjectNode m = spec.putObject(field);
        for (String kv : pairs) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CliException(Exit.USAGE, field + " '" + Names.printable(kv) + "': use key=value");
            }
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
    }

    static long bytes(String field, String text) {
        try {
            return dev.mvirt.cli.output.Units.parseBytes(field, text);
        } catch (IllegalArgumentException e) {
            throw new CliException(Exit.USAGE, e.getMessage(), e);
        }
    }
}
