package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Units;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvirt lock acquire|release}: leases with an owner and a time to live. */
final class Locks {
    private Locks() {}

    @Command(description = "Acquire or renew a lock for an owner.", mixinStandardHelpOptions = true)
    static final class Acquire extends Leaf {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Option(names = "--owner", required = true, paramLabel = "OWNER")
        String owner = "";

        @Option(names = "--ttl", paramLabel = "DURATION", description = "default 30s")
        String ttl = "30s";

        Acquire(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("lock", name);
            long millis;
            try {
                millis = Units.parseDuration("--ttl", ttl).toMillis();
            } catch (IllegalArgumentException e) {
                throw new CliException(Exit.USAGE, e.getMessage(), e);
            }
            ObjectNode body =
                    ApiClient.json().createObjectNode().put("owner", owner).put("ttlMillis", millis);
            cli.printer()
                    .one(
                            Noun.LOCK,
                            cli.client()
                                    .send("PUT", Noun.LOCK.item("", name), Map.of(), body, Map.of())
                                    .body());
        }
    }

    @Command(description = "Release a lock held by an owner.", mixinStandardHelpOptions = true)
    static final class Release extends Leaf {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Option(names = "--owner", required = true, paramLabel = "OWNER")
        String owner = "";

        Release(Cli cli) {
            super(cli);
        }

        @Override
        void run() {
            Names.check("lock", name);
            cli.client().send("DELETE", Noun.LOCK.item("", name), Map.of("owner", owner), null, Map.of());
            cli.io().out().println("lock '" + name + "' released");
            cli.io().out().flush();
        }
    }
}
