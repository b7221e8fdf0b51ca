package dev.mvirt.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.grpc.Hosts;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.scheduler.Scheduler;
import dev.mvirt.api.state.Result;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.LocalStore;
import dev.mvirt.api.store.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Drain: stop first, then move what may move, keep (and say why) what may not, restart when it is over. */
class DrainControllerTest {
    final Hosts.MutableClock clock = new Hosts.MutableClock(1_000_000);
    final LocalStore store = Hosts.store(clock);
    final DrainPlanner planner = new DrainPlanner(new Scheduler());
    final List<String> moved = new ArrayList<>();
    final VmMover recordingMover = new VmMover() {
        @Override
        public Optional<String> unavailable() {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<Outcome> move(String vmId, long expectedRevision) {
            moved.add(vmId);
            return CompletableFuture.completedFuture(new Outcome(0, new Result.Done(0)));
        }
    };

    Resource<VmSpec, VmStatus> vm(String id) {
        return store.read().vms().get(id).orElseThrow();
    }

    void drain(String node, boolean on) {
        Hosts.ok(store.update(Caller.of("t"), Kind.NODE, node, 0, new NodeSpec(on, on)));
    }

    @Test
    void stopsThenMovesVmsWithoutLocalVolumesAndKeepsTheOthers() {
        String a = Hosts.node(store, "a", 8, 16384);
        String free = Hosts.vm(store, "free", "", List.of());
        String pinned = Hosts.vm(store, "pinned", "", List.of(Hosts.volume(store, "disk", a)));
        Hosts.node(store, "b", 8, 16384);
        Hosts.report(store, free, VmPhase.RUNNING);
        Hosts.report(store, pinned, VmPhase.RUNNING);
        drain(a, true);
        DrainController c = new DrainController(store, planner, recordingMover);
        c.tick();
        assertThat(vm(free).spec().desired()).isEqualTo(VmSpec.DesiredState.STOPPED);
        assertThat(vm(free).meta().labels()).containsEntry(DrainPlanner.RESTART_LABEL, "true");
        assertThat(vm(pinned).spec().desired()).isEqualTo(VmSpec.DesiredState.STOPPED);
        c.tick();
        assertThat(moved).as("nothing moves before its host reports it stopped").isEmpty();
        Hosts.report(store, free, VmPhase.STOPPED);
        Hosts.report(store, pinned, VmPhase.STOPPED);
        c.tick();
        assertThat(moved).containsExactly(free);
        DrainPlan plan = c.plan(a).orElseThrow();
        assertThat(plan.steps())
                .filteredOn(s -> s instanceof DrainPlan.Stay)
                .singleElement()
                .extracting(s -> ((DrainPlan.Stay) s).reason())
                .asString()
                .contains("volume disk of VM pinned lives on node a");
    }

    @Test
    void movesAStoppedVmToAnotherNodeAndStartsItThere() {
        String a = Hosts.node(store, "a", 8, 16384);
        String v = Hosts.vm(store, "v", "", List.of());
        String b = Hosts.node(store, "b", 8, 16384);
        Hosts.report(store, v, VmPhase.RUNNING);
        drain(a, true);
        DrainController c = new DrainController(store, planner, VmMover.through(store));
        c.tick();
        Hosts.report(store, v, VmPhase.STOPPED);
        c.tick();
        assertThat(vm(v).status().node()).isEqualTo(b);
        assertThat(vm(v).status().phase()).isEqualTo(VmPhase.SCHEDULED);
        assertThat(store.read().usage(a).vms()).isZero();
        c.tick();
        assertThat(vm(v).spec().desired()).as("started again on b").isEqualTo(VmSpec.DesiredState.RUNNING);
        assertThat(vm(v).meta().labels()).doesNotContainKey(DrainPlanner.RESTART_LABEL);
        assertThat(c.plan(a).orElseThrow().complete()).isTrue();
        assertThat(c.plan(a).orElseThrow().steps()).isEmpty();
    }

    @Test
    void aVmNoOtherNodeFitsStaysStoppedAndThePlanSaysWhyPerNode() {
        String a = Hosts.node(store, "a", 8, 16384);
        String v = Hosts.vm(store, "v", "", List.of());
        String b = Hosts.node(store, "b", 8, 16384);
        Hosts.ok(store.update(Caller.of("t"), Kind.NODE, b, 0, new NodeSpec(true, false)));
        Hosts.report(store, v, VmPhase.RUNNING);
        drain(a, true);
        DrainController c = new DrainController(store, planner, VmMover.through(store));
        c.tick();
        Hosts.report(store, v, VmPhase.STOPPED);
        c.tick();
        c.tick();
        assertThat(vm(v).status().node()).isEqualTo(a);
        assertThat(vm(v).spec().desired()).isEqualTo(VmSpec.DesiredState.STOPPED);
        DrainPlan plan = c.plan(a).orElseThrow();
        assertThat(plan.complete()).isTrue();
        assertThat(((DrainPlan.Stay) plan.steps().getFirst()).reason())
                .contains("VM v stays stopped: no other node fits")
                .contains("a: the VM is on this node now")
                .contains("b: node is cordoned");
    }

    @Test
    void withoutMovesEveryVmStaysStoppedAndTheDrainSaysWhy() {
        String a = Hosts.node(store, "a", 8, 16384);
        Hosts.node(store, "b", 8, 16384);
        String v = Hosts.vm(store, "v", a, List.of());
        Hosts.report(store, v, VmPhase.STOPPED);
        Hosts.ok(store.stop(Caller.of("t"), v, false, 0));
        drain(a, true);
        DrainController c = new DrainController(store, planner, VmMover.unsupported());
        c.tick();
        DrainPlan plan = c.plan(a).orElseThrow();
        assertThat(plan.complete()).isTrue();
        assertThat(((DrainPlan.Stay) plan.steps().getFirst()).reason()).contains("cold moves are turned off");
    }

    @Test
    void refusesAnUnreachableNodeAndTouchesNothing() {
        String a = Hosts.node(store, "a", 8, 16384);
        String v = Hosts.vm(store, "v", a, List.of());
        Hosts.ok(store.setNodePhase(Caller.of("t"), a, NodePhase.UNREACHABLE));
        drain(a, true);
        DrainController c = new DrainController(store, planner, recordingMover);
        c.tick();
        assertThat(c.plan(a).orElseThrow().refusal()).contains("UNREACHABLE").contains("second copy");
        assertThat(vm(v).spec().desired()).isEqualTo(VmSpec.DesiredState.RUNNING);
    }

    @Test
    void callingTheDrainOffStartsWhatItStopped() {
        String a = Hosts.node(store, "a", 8, 16384);
        String v = Hosts.vm(store, "v", a, List.of());
        Hosts.report(store, v, VmPhase.RUNNING);
        drain(a, true);
        DrainController c = new DrainController(store, planner, VmMover.unsupported());
        c.tick();
        assertThat(vm(v).spec().desired()).isEqualTo(VmSpec.DesiredState.STOPPED);
        drain(a, false);
        c.tick();
        assertThat(vm(v).spec().desired()).isEqualTo(VmSpec.DesiredState.RUNNING);
        assertThat(vm(v).meta().labels()).doesNotContainKey(DrainPlanner.RESTART_LABEL);
        assertThat(c.plan(a)).isEmpty();
    }
}
