package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.ApiError;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Units;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mvirt audit [list]}: the audit log through {@code GET /api/v1/audit}. {@code --object} takes a name (resolved
 * to its id in the current project, as a {@code --kind}, VM by default) or an id; a name that no longer resolves (a
 * deleted VM) is matched by the name the API recorded. Newest entries last; {@code --continue} pages back.
 */
@Command(
        description = "Show the audit log: who did what to which object (newest last).",
        mixinStandardHelpOptions = true)
final class AuditCmd extends Leaf {
    static final String PATH = "/api/v1/audit";
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{32,36}");

    @Option(names = "--object", paramLabel = "NAME|ID", description = "entries about this object (a VM by default)")
    String object = "";

    @Option(names = "--kind", paramLabel = "KIND", description = "the object's kind: vm, volume, network, node ...")
    String kind = "";

    @Option(names = "--actor", paramLabel = "ACTOR", description = "entries caused by this token (or node:ID)")
    String actor = "";

    @Option(names = "--since", paramLabel = "WHEN", description = "a duration ago (30m, 2h) or an RFC 3339 time")
    String since = "";

    @Option(names = "--until", paramLabel = "WHEN", description = "a duration ago or an RFC 3339 time")
    String until = "";

    @Option(names = "--limit", paramLabel = "N", description = "at most N entries, 1-1000 (default 100)")
    int limit = 100;

    @Option(names = "--continue", paramLabel = "TOKEN", description = "the older page a previous answer pointed to")
    String next = "";

    AuditCmd(Cli cli) {
        super(cli);
    }

    @Override
    void run() {
        JsonNode page = fetch(query());
        if (cli.globals().format() == Format.JSON || cli.globals().format() == Format.YAML) {
            cli.printer().object(page);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        page.path("items").forEach(e -> rows.add(row(e)));
        cli.printer()
                .table(
                        List.of("TIME", "ACTOR", "ACTION", "KIND", "OBJECT", "REVISION", "MESSAGE"),
                        rows,
                        !cli.globals().noHeaders());
        if (page.has("continue")) {
            cli.io()
                    .err()
                    .println("older entries: mvirt audit ... --continue "
                            + page.path("continue").asText());
        }
        cli.io().out().flush();
    }

    private Map<String, String> query() {
        if (limit < 1 || limit > 1000) {
            throw new CliException(Exit.USAGE, "--limit: must be between 1 and 1000");
        }
        Map<String, String> q = new LinkedHashMap<>(Map.of("limit", Integer.toString(limit)));
        put(q, "kind", kind.isEmpty() ? "" : noun().cli().replace('-', '_'));
        put(q, "actor", actor);
        put(q, "since", time("--since", since));
        put(q, "until", time("--until", until));
        put(q, "continue", next);
        if (!object.isEmpty()) {
            resolve(q);
        }
        return q;
    }

    /** An id as given; a name resolved to its id, or matched by its recorded name once it no longer exists. */
    private void resolve(Map<String, String> q) {
        if (ID.matcher(object).matches()) {
            q.put("object", object);
            return;
        }
        Noun noun = noun();
        Names.check(noun.cli(), object);
        String project = noun.scoped() ? cli.project() : "";
        try {
            q.put(
                    "object",
                    cli.client().get(noun.item(project, object)).path("id").asText());
        } catch (ApiError e) {
            if (e.status() != 404) {
                throw e;
            }
            q.put("kind", noun.cli().replace('-', '_'));
            q.put("name", object);
            put(q, "project", project);
        }
    }

    private Noun noun() {
        String k = kind.isEmpty() ? "vm" : kind.replace('_', '-');
        return Noun.byCli(k)
                .or(() -> Noun.byPlural(k))
                .orElseThrow(
                        () -> new CliException(
                                Exit.USAGE,
                                "--kind: '" + Names.printable(kind)
                                        + "' is not a kind (vm, volume, network, nic, template, security-group, node, project, lock)"));
    }

    private String time(String flag, String text) {
        if (text.isEmpty()) {
            return "";
        }
        try {
            return Instant.parse(text).toString();
        } catch (DateTimeParseException e) {
            try {
                return cli.clock()
                        .instant()
                        .minus(Units.parseDuration(flag, text))
                        .toString();
            } catch (IllegalArgumentException x) {
                throw new CliException(
                        Exit.USAGE,
                        flag + ": '" + Names.printable(text) + "' is neither a duration (30m, 2h) nor an RFC 3339 time",
                        x);
            }
        }
    }

    private JsonNode fetch(Map<String, String> q) {
        try {
            return cli.client().get(PATH, q).body();
        } catch (ApiError e) {
            boolean missing = e.status() == 404 && !"not_found".equals(e.code()) || e.status() == 501;
            if (missing
                    || e.status() == 503
                            && "audit_unavailable".equals(e.code())
                            && String.valueOf(e.getMessage()).contains("without --audit")) {
                throw new CliException(
                        Exit.NOT_SUPPORTED,
                        "the audit endpoint is not available on this server (" + PATH + " answered " + e.status()
                                + "); start mvirt-api with --audit pointing at mvirt-log");
            }
            throw e;
        }
    }

    private static List<String> row(JsonNode e) {
        String component = e.path("component").asText();
        String message = e.path("message").asText();
        String outcome = e.path("fields").path("outcome").asText("ok");
        String name = e.path("name").asText();
        JsonNode objects = e.path("objects");
        long revision = e.path("revision").asLong();
        return List.of(
                e.path("time").asText(),
                e.path("actor").asText().isEmpty() ? "-" : e.path("actor").asText(),
                component.equals("api") && message.contains(" ")
                        ? message.substring(0, message.indexOf(' '))
                        : component,
                e.path("kind").asText().isEmpty() ? "-" : e.path("kind").asText(),
                !name.isEmpty()
                        ? name
                        : objects.isEmpty() ? "-" : objects.get(0).asText(),
                revision == 0 ? "-" : Long.toString(revision),
                outcome.equals("ok") ? message : message + " [" + outcome + "]");
    }

    private static void put(Map<String, String> q, String key, String value) {
        if (!value.isEmpty()) {
            q.put(key, value);
        }
    }
}
