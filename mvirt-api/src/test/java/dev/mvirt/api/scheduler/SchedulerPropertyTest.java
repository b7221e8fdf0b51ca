package dev.mvirt.api.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Settings;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Event;
import dev.mvirt.api.state.Fixtures;
import dev.mvirt.api.state.Result;
import dev.mvirt.api.state.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of creates, resizes, deletes, cordons and liveness changes (seeded, so a failure replays): after
 * every step no node is overcommitted, the usage index equals what the VMs add up to, and the same seed gives the
 * same history.
 */
class SchedulerPropertyTest {
    private static final int STEPS = 600;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void neverOvercommitsAndUsageAddsUp(long seed) {
        Fixtures f = new Fixtures();
        run(f, new Random(seed), true);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 99})
    void theSameSeedGivesTheSameHistory(long seed) {
        Fixtures a = new Fixtures();
        Fixtures b = new Fixtures();
        List<String> ha = run(a, new Random(seed), false);
        List<String> hb = run(b, new Random(seed), false);
        assertThat(hb).isEqualTo(ha);
        assertThat(b.events()).isEqualTo(a.events());
        assertThat(Fixtures.sorted(b.state().allResources()))
                .isEqualTo(Fixtures.sorted(a.state().allResources()));
    }

    /** Runs the random steps; returns one line per step (the result) for comparison. */
    private static List<String> run(Fixtures f, Random rnd, boolean check) {
        Map<String, String> strategy = Map.of(
                Settings.SCHEDULER_STRATEGY, rnd.nextBoolean() ? "spread" : "binpack",
                Settings.OVERCOMMIT_CPU, String.valueOf(1 + rnd.nextInt(4)),
                Settings.OVERCOMMIT_MEMORY, rnd.nextBoolean() ? "1.0" : "1.5");
        f.done(new Command.SetSettings(strategy));
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 2 + rnd.nextInt(10); i++) {
            Map<String, String> labels = Map.of("zone", "z" + rnd.nextInt(3));
            nodes.add(f.node(f.name("node"), 1 + rnd.nextInt(8), 1 + rnd.nextInt(8), labels)
                    .id());
        }
        List<String> history = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            Command c = next(f, rnd, nodes);
            Result r = f.apply(c).result();
            history.add(r.getClass().getSimpleName() + " "
                    + (r instanceof Result.Ok ok ? ok.resource().id() : ""));
            if (check) {
                checkInvariants(f.state(), "step " + step + " " + c);
            }
        }
        return history;
    }

    private static Command next(Fixtures f, Random rnd, List<String> nodes) {
        List<Resource<VmSpec, VmStatus>> vms = new ArrayList<>(f.state().vms().all());
        vms.sort(java.util.Comparator.comparing(Resource::id));
        int dice = rnd.nextInt(100);
        if (dice < 55 || vms.isEmpty()) {
            Fixtures.VmBuilder b = Fixtures.vmSpec(1 + rnd.nextInt(6), 128L * (1 + rnd.nextInt(24)));
            if (rnd.nextInt(4) == 0) {
                b.selector(VmSpec.NODE_ID, nodes.get(rnd.nextInt(nodes.size())));
            } else if (rnd.nextInt(4) == 0) {
                b.selector("zone", "z" + rnd.nextInt(3));
            }
            if (rnd.nextInt(3) == 0) {
                b.group("g" + rnd.nextInt(3));
            }
            return f.create(b.build());
        }
        Resource<VmSpec, VmStatus> vm = vms.get(rnd.nextInt(vms.size()));
        if (dice < 75) {
            return new Command.Delete(Kind.VM, vm.id(), 0, false);
        }
        if (dice < 88) {
            VmSpec grown = Fixtures.vmSpec(1 + rnd.nextInt(10), 128L * (1 + rnd.nextInt(40)))
                    .group(
                            rnd.nextInt(3) == 0
                                    ? "g" + rnd.nextInt(3)
                                    : vm.spec().antiAffinityGroup())
                    .build();
            return new Command.UpdateSpec(Kind.VM, vm.id(), 0, grown);
        }
        String node = nodes.get(rnd.nextInt(nodes.size()));
        if (dice < 94) {
            return new Command.UpdateSpec(Kind.NODE, node, 0, new NodeSpec(rnd.nextBoolean(), false));
        }
        return new Command.SetNodePhase(node, rnd.nextBoolean() ? NodePhase.READY : NodePhase.UNREACHABLE);
    }

    private static void checkInvariants(ClusterState s, String step) {
        Map<String, long[]> sums = new HashMap<>();
        for (Resource<VmSpec, VmStatus> vm : s.vms().all()) {
            assertThat(vm.status().node()).as(step).isNotEmpty();
            long[] t = sums.computeIfAbsent(vm.status().node(), k -> new long[3]);
            t[0] += vm.spec().vcpus();
            t[1] += vm.spec().memoryMib();
            t[2]++;
        }
        for (Resource<NodeSpec, NodeStatus> n : s.nodes().all()) {
            long[] t = sums.getOrDefault(n.id(), new long[3]);
            Usage u = s.usage(n.id());
            assertThat(u).as(step).isEqualTo(new Usage(t[0], t[1], (int) t[2]));
            assertThat((double) u.vcpus())
                    .as("%s: CPU on %s", step, n.name())
                    .isLessThanOrEqualTo(n.status().cpus() * s.settings().cpuOvercommit());
            assertThat((double) u.memoryMib())
                    .as("%s: memory on %s", step, n.name())
                    .isLessThanOrEqualTo(n.status().memoryMib() * s.settings().memoryOvercommit());
        }
        assertThat(sums.keySet())
                .as(step)
                .allSatisfy(id -> assertThat(s.nodes().get(id)).isPresent());
        antiAffinityHolds(s, step);
    }

    private static void antiAffinityHolds(ClusterState s, String step) {
        Map<String, String> seen = new HashMap<>();
        for (Resource<VmSpec, VmStatus> vm : s.vms().all()) {
            String g = vm.spec().antiAffinityGroup();
            if (!g.isEmpty()) {
                String other = seen.put(g + "@" + vm.status().node(), vm.id());
                assertThat(other).as("%s: group %s twice on a node", step, g).isNull();
            }
        }
    }

    @SuppressWarnings("unused")
    private static long count(List<Event> events, Event.Type type) {
        return events.stream().filter(e -> e.type() == type).count();
    }
}
