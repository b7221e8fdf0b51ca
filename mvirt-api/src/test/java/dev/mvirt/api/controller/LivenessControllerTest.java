package dev.mvirt.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.grpc.Hosts;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.LocalStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Liveness with a clock the test moves: no sleeps. */
class LivenessControllerTest {
    final Hosts.MutableClock clock = new Hosts.MutableClock(1_000_000);
    final LocalStore store = Hosts.store(clock);
    final Heartbeats heartbeats = new Heartbeats(clock);
    final LivenessController liveness = new LivenessController(store, heartbeats, clock);

    NodePhase phase(String node) {
        return store.read().nodes().get(node).orElseThrow().status().phase();
    }

    @Test
    void silentNodeBecomesUnreachableAndItsVmsUnknownThenReadyWhenHeard() {
        Hosts.ok(store.setSettings(Caller.of("t"), Map.of("node.graceSeconds", "3")));
        String node = Hosts.node(store, "n1", 8, 16384);
        String vm = Hosts.vm(store, "vm1", node, List.of());
        Hosts.report(store, vm, VmPhase.RUNNING);
        liveness.leadership(true);
        liveness.tick();
        heartbeats.record(node);
        clock.advance(3000);
        liveness.tick();
        assertThat(phase(node)).isEqualTo(NodePhase.READY);
        clock.advance(1);
        liveness.tick();
        assertThat(phase(node)).isEqualTo(NodePhase.UNREACHABLE);
        assertThat(store.read().vms().get(vm).orElseThrow().status().phase()).isEqualTo(VmPhase.UNKNOWN);
        clock.advance(60_000);
        liveness.tick();
        assertThat(phase(node)).isEqualTo(NodePhase.UNREACHABLE);
        heartbeats.record(node);
        liveness.tick();
        assertThat(phase(node)).isEqualTo(NodePhase.READY);
        assertThat(store.read().vms().get(vm).orElseThrow().status().phase())
                .as("a VM leaves UNKNOWN only when its host reports it")
                .isEqualTo(VmPhase.UNKNOWN);
    }

    @Test
    void aNewLeaderGivesEveryNodeAFullGracePeriod() {
        String node = Hosts.node(store, "n1", 8, 16384);
        clock.advance(3_600_000);
        liveness.leadership(true);
        liveness.tick();
        clock.advance(15_000);
        liveness.tick();
        assertThat(phase(node)).isEqualTo(NodePhase.READY);
        clock.advance(1);
        liveness.tick();
        assertThat(phase(node)).isEqualTo(NodePhase.UNREACHABLE);
    }

    @Test
    void aNodeRegisteredElsewhereGetsAFullGracePeriodFromWhenThisLeaderSeesIt() {
        liveness.leadership(true);
        clock.advance(60_000);
        String node = Hosts.node(store, "n1", 8, 16384);
        liveness.tick();
        clock.advance(15_000);
        liveness.tick();
        assertThat(phase(node)).isEqualTo(NodePhase.READY);
        clock.advance(1);
        liveness.tick();
        assertThat(phase(node)).isEqualTo(NodePhase.UNREACHABLE);
    }

    @Test
    void downNodesAreLeftAlone() {
        String node = Hosts.node(store, "n1", 8, 16384);
        Hosts.ok(store.setNodePhase(Caller.of("t"), node, NodePhase.DOWN));
        liveness.leadership(true);
        clock.advance(100_000);
        heartbeats.record(node);
        liveness.tick();
        assertThat(phase(node)).isEqualTo(NodePhase.DOWN);
    }

    @Test
    void losingLeadershipForgetsHeartbeats() {
        String node = Hosts.node(store, "n1", 8, 16384);
        heartbeats.record(node);
        liveness.leadership(false);
        assertThat(heartbeats.lastSeen(node)).isEmpty();
    }
}
