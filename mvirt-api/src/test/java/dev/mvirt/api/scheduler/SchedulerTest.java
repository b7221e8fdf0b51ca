package dev.mvirt.api.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Settings;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Fixtures;
import dev.mvirt.api.state.Placer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private final Fixtures f = new Fixtures();
    private final Scheduler scheduler = new Scheduler();

    private Placer.Decision place(VmSpec spec) {
        return scheduler.place(f.state(), f.id(), spec);
    }

    private String placed(VmSpec spec) {
        Placer.Decision d = place(spec);
        assertThat(d).isInstanceOf(Placer.Placed.class);
        return ((Placer.Placed) d).nodeId();
    }

    private Map<String, String> reasons(VmSpec spec) {
        Placer.Decision d = place(spec);
        assertThat(d).isInstanceOf(Placer.Unplaceable.class);
        return ((Placer.Unplaceable) d).reasons();
    }

    @Test
    void noNodesIsSaidSo() {
        assertThat(reasons(Fixtures.vmSpec(1, 512).build())).containsExactly(Map.entry("*", "no nodes are registered"));
    }

    @Test
    void skipsNodesThatAreNotReady() {
        var down = f.node("down", 64, 64, Map.of());
        var ready = f.node("ready", 1, 1, Map.of());
        f.ok(new Command.SetNodePhase(down.id(), NodePhase.DOWN));
        assertThat(placed(Fixtures.vmSpec(1, 512).build())).isEqualTo(ready.id());
        f.ok(new Command.SetNodePhase(ready.id(), NodePhase.UNREACHABLE));
        assertThat(reasons(Fixtures.vmSpec(1, 512).build()))
                .containsEntry("down", "node is down")
                .containsEntry("ready", "node is unreachable");
    }

    @Test
    void skipsCordonedAndDrainingNodes() {
        var a = f.node("a", 64, 64, Map.of());
        var b = f.node("b", 64, 64, Map.of());
        var c = f.node("c", 1, 1, Map.of());
        f.ok(new Command.UpdateSpec(Kind.NODE, a.id(), 0, new NodeSpec(true, false)));
        f.ok(new Command.UpdateSpec(Kind.NODE, b.id(), 0, new NodeSpec(false, true)));
        assertThat(placed(Fixtures.vmSpec(1, 512).build())).isEqualTo(c.id());
        f.ok(new Command.UpdateSpec(Kind.NODE, c.id(), 0, new NodeSpec(true, false)));
        assertThat(reasons(Fixtures.vmSpec(1, 512).build()))
                .hasSize(3)
                .allSatisfy((n, why) -> assertThat(why).contains("cordoned"));
    }

    @Test
    void selectsByNodeIdNameOrLabels() {
        var a = f.node("a", 8, 8, Map.of("zone", "1", "gpu", "yes"));
        var b = f.node("b", 64, 64, Map.of("zone", "2"));
        assertThat(placed(
                        Fixtures.vmSpec(1, 512).selector(VmSpec.NODE_ID, a.id()).build()))
                .isEqualTo(a.id());
        assertThat(placed(
                        Fixtures.vmSpec(1, 512).selector(VmSpec.NODE_NAME, "a").build()))
                .isEqualTo(a.id());
        assertThat(placed(Fixtures.vmSpec(1, 512).selector("zone", "1").build()))
                .isEqualTo(a.id());
        assertThat(placed(Fixtures.vmSpec(1, 512).selector("zone", "2").build()))
                .isEqualTo(b.id());
        assertThat(reasons(Fixtures.vmSpec(1, 512).selector("gpu", "no").build()))
                .containsEntry("a", "selector gpu=no does not match")
                .containsEntry("b", "selector gpu=no does not match");
    }

    @Test
    void filtersByHypervisor() {
        f.node("qemu-only", 64, 64, Map.of());
        var both = f.node("both", 1, 1, Map.of());
        // the fixture node offers both; register one with qemu only
        var q = f.state().nodes().byName("", "qemu-only").orElseThrow();
        var facts = new dev.mvirt.api.model.NodeStatus(
                NodePhase.READY, "h", "192.0.2.1", 64, 64 * 1024, List.of(), List.of("qemu"), "t");
        f.ok(new Command.RegisterNode(q.id(), "qemu-only", Map.of(), facts));
        assertThat(placed(Fixtures.vmSpec(1, 512).hypervisor("cloud-hypervisor").build()))
                .isEqualTo(both.id());
        assertThat(placed(Fixtures.vmSpec(1, 512).hypervisor("qemu").build())).isEqualTo(q.id());
    }

    @Test
    void cpuAndMemoryFollowTheOvercommitRatios() {
        f.node("n", 2, 4, Map.of()); // 8 vCPUs at 4.0; 4096 MiB at 1.0
        assertThat(place(Fixtures.vmSpec(8, 4096).build())).isInstanceOf(Placer.Placed.class);
        assertThat(reasons(Fixtures.vmSpec(9, 512).build()))
                .containsExactly(Map.entry("n", "not enough CPU: 8 vCPUs free, 9 asked"));
        assertThat(reasons(Fixtures.vmSpec(1, 4097).build()))
                .containsExactly(Map.entry("n", "not enough memory: 4096 MiB free, 4097 asked"));
        f.done(new Command.SetSettings(Map.of(Settings.OVERCOMMIT_CPU, "1.0", Settings.OVERCOMMIT_MEMORY, "1.5")));
        assertThat(reasons(Fixtures.vmSpec(3, 512).build())).containsKey("n");
        assertThat(place(Fixtures.vmSpec(2, 6144).build())).isInstanceOf(Placer.Placed.class);
    }

    @Test
    void countsWhatIsAlreadyPlaced() {
        f.node("n", 1, 2, Map.of()); // 4 vCPUs, 2048 MiB
        f.vm(3, 1024);
        assertThat(reasons(Fixtures.vmSpec(2, 512).build()))
                .containsExactly(Map.entry("n", "not enough CPU: 1 vCPUs free, 2 asked"));
        f.vm(1, 1024);
        assertThat(reasons(Fixtures.vmSpec(1, 16).build())).containsKey("n");
    }

    @Test
    void newVolumesNeedPoolSpace() {
        var n = f.node("n", 8, 8, Map.of());
        Resource<?, ?> big = f.ok(f.create(Fixtures.volumeSpec("", 2000 * Fixtures.GIB)));
        assertThat(reasons(Fixtures.vmSpec(1, 512).volumes(big.id()).build()))
                .containsEntry("n", "not enough storage: " + 1024 * Fixtures.GIB + " bytes free in the largest pool");
        Resource<?, ?> small = f.ok(f.create(Fixtures.volumeSpec("", 10 * Fixtures.GIB)));
        assertThat(placed(Fixtures.vmSpec(1, 512).volumes(small.id()).build())).isEqualTo(n.id());
    }

    @Test
    void followsPinnedVolumes() {
        var a = f.node("a", 1, 1, Map.of());
        var b = f.node("b", 64, 64, Map.of());
        var onA = f.volume(a.id(), 1);
        var onB = f.volume(b.id(), 1);
        assertThat(placed(Fixtures.vmSpec(1, 512).volumes(onA.id()).build())).isEqualTo(a.id());
        assertThat(reasons(Fixtures.vmSpec(1, 512).volumes(onA.id(), onB.id()).build()))
                .containsEntry("a", "the VM's volumes live on different nodes");
        assertThat(reasons(Fixtures.vmSpec(8, 512).volumes(onA.id()).build()))
                .containsEntry("b", "the VM's volumes live on another node")
                .hasEntrySatisfying("a", why -> assertThat(why).startsWith("not enough CPU"));
    }

    @Test
    void antiAffinityKeepsAGroupApart() {
        var a = f.node("a", 8, 8, Map.of());
        var b = f.node("b", 8, 8, Map.of());
        var first = f.vm(Fixtures.vmSpec(1, 512).group("g").build());
        var second = f.vm(Fixtures.vmSpec(1, 512).group("g").build());
        assertThat(List.of(first.status().node(), second.status().node())).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(reasons(Fixtures.vmSpec(1, 512).group("g").build()))
                .containsOnlyKeys("a", "b")
                .allSatisfy((n, why) -> assertThat(why).contains("anti-affinity group g"));
        assertThat(place(Fixtures.vmSpec(1, 512).group("h").build())).isInstanceOf(Placer.Placed.class);
        // a VM is not in its own way (resizes re-place the VM with its own id)
        assertThat(scheduler.place(
                        f.state(),
                        first.id(),
                        Fixtures.vmSpec(1, 512).group("g").build()))
                .isEqualTo(new Placer.Placed(first.status().node()));
    }

    @Test
    void everyRejectedNodeHasAReason() {
        for (int i = 0; i < 20; i++) {
            f.node(1 + i % 4, 1 + i % 3);
        }
        Map<String, String> r = reasons(Fixtures.vmSpec(64, 512).build());
        assertThat(r).hasSize(20).allSatisfy((n, why) -> assertThat(why).isNotBlank());
    }

    @Test
    void tiesGoToTheLowestNodeId() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(f.node(4, 4).id());
        }
        assertThat(placed(Fixtures.vmSpec(1, 512).build())).isEqualTo(Collections.min(ids));
        f.done(new Command.SetSettings(Map.of(Settings.SCHEDULER_STRATEGY, "binpack")));
        assertThat(placed(Fixtures.vmSpec(1, 512).build())).isEqualTo(Collections.min(ids));
    }

    @Test
    void theSameStateBuiltInAnotherOrderGivesTheSameAnswer() {
        Random rnd = new Random(7);
        for (int i = 0; i < 30; i++) {
            f.node(1 + rnd.nextInt(16), 1 + rnd.nextInt(32));
        }
        for (int i = 0; i < 40; i++) {
            f.apply(f.create(
                    Fixtures.vmSpec(1 + rnd.nextInt(4), 256 + rnd.nextInt(2048)).build()));
        }
        ClusterState s = f.state();
        List<Resource<?, ?>> shuffled = new ArrayList<>(s.allResources());
        Collections.shuffle(shuffled, rnd);
        ClusterState other = ClusterState.restore(s.revision(), shuffled, s.settings(), s.idempotencyRecords());
        for (int i = 0; i < 20; i++) {
            VmSpec spec =
                    Fixtures.vmSpec(1 + rnd.nextInt(8), 256 + rnd.nextInt(4096)).build();
            String id = Fixtures.uuid(10_000 + i);
            assertThat(scheduler.place(other, id, spec)).isEqualTo(scheduler.place(s, id, spec));
        }
    }
}
