package dev.mvirt.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Issue 9's agent-kill scenario: SIGKILL the agent; within the grace period + 5 s the node is Unreachable and the VM
 * Unknown (seen in the event stream, then through the CLI) while the same QEMU process keeps running; restart the
 * agent with the same data directory: the node is Ready and the VM Running again with the same pid.
 */
final class AgentKill {
    private AgentKill() {}

    static void run(Daemons daemons, ThreePeers cluster, MvirtCli cli, VmLifecycle vm, int graceSeconds) {
        JsonNode before = vm.vm();
        String node = before.at("/status/node").asText();
        String nodeName = ThreePeers.NODE_NAME;
        long pid = before.at("/status/pid").asLong();
        long t0 = System.nanoTime();
        cluster.killNode();
        int bound = graceSeconds + 5;
        daemons.await(
                "the node Unreachable and the VM Unknown in the event stream",
                bound + 30,
                () -> vm.phases().contains("unknown")
                        && vm.phases("nodes", nodeName).contains("unreachable"));
        long detected = VmLifecycle.ms(t0);
        System.out.printf(
                "e2e: agent killed -> node unreachable, vm unknown %d ms (grace %d s)%n", detected, graceSeconds);
        assertThat(detected).as("Unreachable/Unknown within grace + 5 s").isLessThanOrEqualTo(bound * 1000L);
        assertThat(cli.json("node", "get", nodeName).at("/status/phase").asText())
                .isEqualTo("unreachable");
        assertThat(vm.vm().at("/status/phase").asText()).isEqualTo("unknown");
        assertThat(VmHost.isQemu(pid))
                .as("QEMU %d keeps running without its agent", pid)
                .isTrue();

        long t1 = System.nanoTime();
        cluster.startNode();
        daemons.await(
                "the VM Running again after the agent restart",
                120,
                () -> VmLifecycle.containsInOrder(vm.phases(), List.of("unknown", "running")));
        System.out.printf("e2e: agent restarted -> vm running %d ms%n", VmLifecycle.ms(t1));
        JsonNode again = cli.json("node", "get", nodeName);
        assertThat(again.at("/status/phase").asText()).isEqualTo("ready");
        assertThat(again.path("id").asText()).as("the same node id").isEqualTo(node);
        assertThat(vm.pid()).as("the same QEMU process").isEqualTo(pid);
        assertThat(VmHost.isQemu(pid)).isTrue();
    }
}
