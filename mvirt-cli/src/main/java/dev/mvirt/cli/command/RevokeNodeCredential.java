package dev.mvirt.cli.command;

import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mvirt node revoke-credential NODE} (admins): the node's agent is refused from its next call until it
 * registers again with a live join token; other hosts keep working. Asks on a terminal ({@code -y} skips).
 */
@Command(
        description = "Revoke one host's credential (its agent must join again with a join token).",
        mixinStandardHelpOptions = true)
final class RevokeNodeCredential extends Leaf {
    @Parameters(paramLabel = "NODE")
    String name = "";

    RevokeNodeCredential(Cli cli) {
        super(cli);
    }

    @Override
    void run() {
        Names.check("node", name);
        cli.confirm("revoke the credential of node " + name + " (its agent is refused until it joins again)");
        cli.client()
                .send("POST", Noun.NODE.item("", name) + "/revoke-credential", Map.of(), null, Map.of())
                .body();
        cli.io()
                .out()
                .println("node '" + name + "': credential revoked; its agent must register again with a join"
                        + " token (mvirt join-token create)");
        cli.io().out().flush();
    }
}
