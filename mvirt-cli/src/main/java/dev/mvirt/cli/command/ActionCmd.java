package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * An action on one resource ({@code POST .../NAME/VERB}): {@code vm start|stop|reboot|kill}, {@code node
 * cordon|uncordon}, {@code nic detach}. Optionally waits for a phase; destructive actions ask first.
 */
@Command(mixinStandardHelpOptions = true)
class ActionCmd extends Leaf {
    /** What the action is: its noun and verb, the URL suffix, the phase to wait for ("" none), and whether to ask. */
    record Action(Noun noun, String verb, String suffix, String waitPhase, boolean destructive) {}

    final Action action;

    @Parameters(paramLabel = "NAME")
    String name = "";

    @Option(names = "--if-match", paramLabel = "REVISION", description = "only if the revision is still REVISION")
    long ifMatch;

    @Mixin
    WaitOptions waiting = new WaitOptions();

    ActionCmd(Cli cli, Action action) {
        super(cli);
        this.action = action;
    }

    /** The URL suffix to use (subclasses pick another, e.g. stop --force → kill). */
    String suffix() {
        return action.suffix();
    }

    @Override
    void run() {
        Noun noun = action.noun();
        Names.check(noun.cli(), name);
        String project = cli.project();
        if (action.destructive()) {
            cli.confirm(action.verb() + " " + noun.cli() + " " + name);
        }
        Map<String, String> headers = ifMatch > 0 ? Map.of("If-Match", "\"" + ifMatch + "\"") : Map.of();
        JsonNode r = cli.client()
                .send("POST", noun.item(project, name) + "/" + suffix(), Map.of(), null, headers)
                .body();
        if (waiting.wait) {
            r = await(r, project);
        }
        cli.printer().one(noun, r);
    }

    /** Waits for the action's phase (subclasses wait for other conditions). */
    JsonNode await(JsonNode answer, String project) {
        return action.waitPhase().isEmpty()
                ? answer
                : new Waiter(cli).phase(action.noun(), project, name, action.waitPhase(), waiting.timeout());
    }

    /** {@code vm stop [--force]}: ACPI power-down, or at once with --force (kill). */
    @Command(description = "Stop a VM (ACPI power-down; --force stops it at once).", mixinStandardHelpOptions = true)
    static final class Stop extends ActionCmd {
        @Option(names = "--force", description = "stop at once, like pulling the plug")
        boolean force;

        Stop(Cli cli) {
            super(cli, new Action(Noun.VM, "stop", "stop", "stopped", false));
        }

        @Override
        String suffix() {
            return force ? "kill" : "stop";
        }
    }

    /** {@code vm reboot}: waits until the host carried out the reboot. */
    @Command(description = "Reboot a VM once.", mixinStandardHelpOptions = true)
    static final class Reboot extends ActionCmd {
        Reboot(Cli cli) {
            super(cli, new Action(Noun.VM, "reboot", "reboot", "", false));
        }

        @Override
        JsonNode await(JsonNode answer, String project) {
            long generation = answer.at("/spec/rebootGeneration").asLong();
            return new Waiter(cli)
                    .until(
                            Noun.VM,
                            project,
                            name,
                            r -> r.at("/status/rebootGeneration").asLong() >= generation,
                            "reboot",
                            waiting.timeout());
        }
    }
}
