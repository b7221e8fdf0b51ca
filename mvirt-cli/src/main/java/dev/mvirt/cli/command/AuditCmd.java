package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.ApiError;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mvirt audit list}: the audit log through the API, where the server offers {@code /api/v1/audit}. */
@Command(description = "List audit log entries (needs a server with /api/v1/audit).", mixinStandardHelpOptions = true)
final class AuditCmd extends Leaf {
    static final String PATH = "/api/v1/audit";

    @Option(names = "--object", paramLabel = "ID", description = "only entries about this object id")
    String object = "";

    @Option(names = "--limit", paramLabel = "N", description = "at most N entries (default 100)")
    int limit = 100;

    AuditCmd(Cli cli) {
        super(cli);
    }

    @Override
    void run() {
        Map<String, String> q = new HashMap<>(Map.of("limit", Integer.toString(limit)));
        if (!object.isEmpty()) {
            q.put("object", object);
        }
        JsonNode answer;
        try {
            answer = cli.client().get(PATH, q).body();
        } catch (ApiError e) {
            if (e.status() == 404 || e.status() == 501) {
                throw new CliException(
                        Exit.NOT_SUPPORTED,
                        "the audit endpoint is not available on this server (" + PATH + " answered " + e.status()
                                + "); read the audit log with mvirt-log's query tool");
            }
            throw e;
        }
        cli.printer().object(answer);
    }
}
