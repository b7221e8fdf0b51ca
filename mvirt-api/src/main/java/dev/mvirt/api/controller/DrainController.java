package dev.mvirt.api.controller;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.Outcome;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out {@link DrainPlanner}'s plans for every node whose spec says {@code draining}, one step per VM per
 * tick (stop, move, restart), and keeps the latest plan per node for operators ({@link #plan}). Refusals and VMs
 * that must stay are logged when they change.
 */
public final class DrainController implements Controller {
    private static final Logger log = LoggerFactory.getLogger(DrainController.class);

    private final Proposals proposals;
    private final DrainPlanner planner;
    private final VmMover mover;
    private final Map<String, DrainPlan> plans = new ConcurrentHashMap<>();

    /** A controller proposing through {@code store}, planning with {@code planner}, moving with {@code mover}. */
    public DrainController(dev.mvirt.api.store.DataStore store, DrainPlanner planner, VmMover mover) {
        this.proposals = new Proposals(store);
        this.planner = planner;
        this.mover = mover;
    }

    /** The latest plan for draining {@code nodeId}, if it is draining. */
    public Optional<DrainPlan> plan(String nodeId) {
        return Optional.ofNullable(plans.get(nodeId));
    }

    @Override
    public void tick() {
        ClusterState s = proposals.store().read();
        Map<String, DrainPlan> seen = new HashMap<>();
        for (Resource<NodeSpec, NodeStatus> node : s.nodes().all()) {
            if (node.spec().draining()) {
                DrainPlan p = planner.plan(s, node.id(), mover.unavailable());
                report(node, p);
                seen.put(node.id(), p);
                p.steps().forEach(step -> execute(s, step));
            }
        }
        plans.keySet().retainAll(seen.keySet());
        plans.putAll(seen);
        planner.restarts(s).forEach(r -> execute(s, r));
    }

    private void execute(ClusterState s, DrainPlan.Step step) {
        switch (step) {
            case DrainPlan.Stop stop -> proposals.chain(stop.vmId(), () -> stop(s, stop));
            case DrainPlan.Move move -> proposals.chain(move.vmId(), () -> mover.move(move.vmId(), move.revision()));
            case DrainPlan.Restart r -> proposals.chain(r.vmId(), () -> restart(s, r));
            case DrainPlan.Wait w -> {}
            case DrainPlan.Stay st -> {}
        }
    }

    /** Label first, so that a leader change between the two commands still restarts the VM later. */
    private CompletableFuture<Outcome> stop(ClusterState s, DrainPlan.Stop stop) {
        Resource<VmSpec, VmStatus> vm = s.vms().get(stop.vmId()).orElseThrow();
        TreeMap<String, String> labels = new TreeMap<>(vm.meta().labels());
        labels.put(DrainPlanner.RESTART_LABEL, "true");
        return submit(new Command.SetLabels(Kind.VM, vm.id(), stop.revision(), labels))
                .thenCompose(o -> o.result().ok()
                        ? submit(new Command.SetVmPower(
                                vm.id(), VmSpec.DesiredState.STOPPED, VmSpec.StopMode.GRACEFUL, 0))
                        : CompletableFuture.completedFuture(o));
    }

    /** Start first, then unlabel: a leader change in between only repeats the (idempotent) start. */
    private CompletableFuture<Outcome> restart(ClusterState s, DrainPlan.Restart r) {
        Resource<VmSpec, VmStatus> vm = s.vms().get(r.vmId()).orElseThrow();
        TreeMap<String, String> labels = new TreeMap<>(vm.meta().labels());
        labels.remove(DrainPlanner.RESTART_LABEL);
        return submit(new Command.SetVmPower(vm.id(), VmSpec.DesiredState.RUNNING, VmSpec.StopMode.GRACEFUL, 0))
                .thenCompose(o -> o.result().ok()
                        ? submit(new Command.SetLabels(Kind.VM, vm.id(), 0, labels))
                        : CompletableFuture.completedFuture(o));
    }

    private CompletableFuture<Outcome> submit(Command c) {
        return proposals.store().submit(c, Caller.system());
    }

    private void report(Resource<NodeSpec, NodeStatus> node, DrainPlan p) {
        DrainPlan before = plans.get(node.id());
        if (before != null && before.equals(p)) {
            return;
        }
        if (!p.refusal().isEmpty()) {
            log.warn("drain refused node={} name={}: {}", node.id(), node.name(), p.refusal());
        }
        java.util.Set<DrainPlan.Step> known =
                before == null ? java.util.Set.of() : java.util.Set.copyOf(before.steps());
        p.steps().stream()
                .filter(st -> st instanceof DrainPlan.Stay && !known.contains(st))
                .forEach(st ->
                        log.info("drain node={} vm={}: {}", node.name(), st.vmId(), ((DrainPlan.Stay) st).reason()));
        if (p.complete()) {
            log.info("drain complete node={} name={}", node.id(), node.name());
        }
    }
}
