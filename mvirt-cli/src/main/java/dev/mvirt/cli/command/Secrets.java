package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.ApiError;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.output.Format;
import dev.mvirt.cli.output.Units;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code mvirt token} and {@code mvirt join-token} share: both are secrets kept by the API under a name, shown
 * once at creation, with an optional expiry, revoked by name.
 *
 * @param noun what the secret is called in messages ("token", "join token")
 * @param path the collection's API path
 */
record Secrets(String noun, String path) {

    /** Calls the API; a server without this collection (404 on the path itself) is NOT_SUPPORTED, named. */
    JsonNode call(Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (ApiError e) {
            if (ClusterCmds.endpointMissing(e)) {
                throw new CliException(
                        Exit.NOT_SUPPORTED, "this server has no " + noun + " API (" + path + " answered 404)");
            }
            throw e;
        }
    }

    /** The absolute expiry (epoch ms) for a duration given with {@code flag}; more than zero or a usage error. */
    static long expiresAt(Cli cli, String flag, String text) {
        long ms;
        try {
            ms = Units.parseDuration(flag, text).toMillis();
        } catch (IllegalArgumentException e) {
            throw new CliException(Exit.USAGE, e.getMessage(), e);
        }
        if (ms <= 0) {
            throw new CliException(Exit.USAGE, flag + ": must be more than 0");
        }
        return cli.clock().millis() + ms;
    }

    /** Prints a created secret: the whole answer in JSON/YAML, else {@code notice} on stderr and the secret alone. */
    static void printCreated(Cli cli, JsonNode created, String notice) {
        if (cli.globals().format() == Format.JSON || cli.globals().format() == Format.YAML) {
            cli.printer().object(created);
            return;
        }
        cli.io().err().println(notice);
        cli.io().out().println(created.path("secret").asText());
        cli.io().out().flush();
    }

    /** Revokes {@code name} after a confirmation on a terminal. */
    void revoke(Cli cli, String name) {
        Names.check(noun, name);
        cli.confirm("revoke " + noun + " " + name);
        call(() -> cli.client()
                .send("DELETE", path + "/" + name, Map.of(), null, Map.of())
                .body());
        cli.io().out().println(noun + " '" + name + "' revoked");
        cli.io().out().flush();
    }

    /** "never", "expired" or "in …" for an expiry in epoch ms (0 = never). */
    static String expiry(long expiresAt, long now) {
        return expiresAt == 0 ? "never" : expiresAt <= now ? "expired" : "in " + Units.age(now, expiresAt);
    }
}
