package dev.mvirt.cli.command;

import dev.mvirt.cli.output.Units;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait/--no-wait} and {@code --timeout}, mixed into commands whose work takes time. */
final class WaitOptions {
    @Option(names = "--wait", negatable = true, description = "wait until the work is done (default: no)")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "how long --wait waits (default: 5m)")
    String timeout = "5m";

    Duration timeout() {
        try {
            return Units.parseDuration("--timeout", timeout);
        } catch (IllegalArgumentException e) {
            throw new CliException(Exit.USAGE, e.getMessage(), e);
        }
    }
}
