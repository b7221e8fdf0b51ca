package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.Answer;
import dev.mvirt.cli.client.ApiError;
import dev.mvirt.cli.client.Noun;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Follows slow work until it is done: long-polls {@code GET ...?waitFor=PHASE} in short steps, shows a progress
 * line on a terminal, and on Ctrl-C says that the work continues on the server.
 */
final class Waiter {
    private static final Duration STEP = Duration.ofSeconds(2);
    private final Cli cli;

    Waiter(Cli cli) {
        this.cli = cli;
    }

    /**
     * Waits until {@code name}'s {@code status.phase} is {@code phase}; returns the resource.
     *
     * @throws CliException TIMEOUT when time runs out, ERROR when the resource failed
     */
    JsonNode phase(Noun noun, String project, String name, String phase, Duration timeout) {
        String what = noun.cli() + " '" + name + "'";
        return watching(what, () -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            long started = System.nanoTime();
            while (true) {
                long left = Math.max(1, Math.min(STEP.toMillis(), (deadline - System.nanoTime()) / 1_000_000));
                Answer a = cli.client().get(noun.item(project, name), Map.of("waitFor", phase, "timeout", left + "ms"));
                String now = a.body().at("/status/phase").asText("");
                switch (a.header("Mvirt-Condition")) {
                    case "met" -> {
                        return a.body();
                    }
                    case "failed" ->
                        throw new CliException(
                                Exit.ERROR,
                                what + " failed: "
                                        + a.body().at("/status/message").asText("no message"));
                    default -> {
                        if (System.nanoTime() >= deadline) {
                            throw new CliException(
                                    Exit.TIMEOUT,
                                    what + " is not " + phase + " after " + seconds(timeout) + " (phase " + now
                                            + "); it continues on the server");
                        }
                        progress(what + ": " + now + " → " + phase + " (" + seconds(System.nanoTime() - started) + ")");
                    }
                }
            }
        });
    }

    /** Waits until {@code done} holds for the resource (polling); returns it. */
    JsonNode until(Noun noun, String project, String name, Predicate<JsonNode> done, String goal, Duration timeout) {
        String what = noun.cli() + " '" + name + "'";
        return watching(what, () -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                JsonNode r = cli.client().get(noun.item(project, name));
                if (done.test(r)) {
                    return r;
                }
                if (System.nanoTime() >= deadline) {
                    throw new CliException(Exit.TIMEOUT, what + " did not " + goal + " within " + seconds(timeout));
                }
                progress(what + ": waiting to " + goal + " ("
                        + r.at("/status/phase").asText("") + ")");
                sleep();
            }
        });
    }

    /** Waits until the resource is gone (404). */
    void gone(Noun noun, String project, String name, Duration timeout) {
        String what = noun.cli() + " '" + name + "'";
        watching(what, () -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                try {
                    JsonNode r = cli.client().get(noun.item(project, name));
                    progress(what + ": deleting (" + r.at("/status/phase").asText("") + ")");
                } catch (ApiError e) {
                    if (e.status() == 404) {
                        return r404();
                    }
                    throw e;
                }
                if (System.nanoTime() >= deadline) {
                    throw new CliException(Exit.TIMEOUT, what + " still exists after " + seconds(timeout));
                }
                sleep();
            }
        });
    }

    private JsonNode watching(String what, java.util.function.Supplier<JsonNode> body) {
        Thread hook = new Thread(() -> {
            cli.io()
                    .err()
                    .println((cli.io().terminal() ? "\r\033[K" : "") + "mvirt: stopped waiting for " + what
                            + "; the work continues on the server");
            cli.io().err().flush();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return body.get();
        } finally {
            progress("");
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
    }

    private void progress(String line) {
        if (cli.io().terminal()) {
            cli.io().err().print("\r\033[K" + line);
            cli.io().err().flush();
        }
    }

    private static JsonNode r404() {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.INTERRUPTED, "interrupted");
        }
    }

    private static String seconds(Duration d) {
        return seconds(d.toNanos());
    }

    private static String seconds(long nanos) {
        return nanos >= 10_000_000_000L
                ? nanos / 1_000_000_000L + "s"
                : String.format(java.util.Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
