package dev.mvirt.api.scheduler;

import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Placer;
import dev.mvirt.api.state.Usage;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The placement function: every node passes the {@link Filters} or gets a reason; the survivors are ranked by
 * {@link #score} (spread: most free capacity first; binpack: least), ties broken by node id, so the same state and
 * spec always give the same node.
 */
public final class Scheduler implements Placer {

    @Override
    public Decision place(ClusterState state, String vmId, VmSpec spec) {
        TreeMap<String, String> reasons = new TreeMap<>();
        Optional<Candidate> best = Optional.empty();
        Filters filters = new Filters(state, vmId, spec);
        for (Resource<NodeSpec, NodeStatus> node : state.nodes().all()) {
            Usage u = state.usage(node.id()); // looked up once per node: the hot loop of every VM create
            Optional<String> why = filters.reject(node, u);
            if (why.isPresent()) {
                reasons.put(node.name(), why.get());
                continue;
            }
            Candidate c = new Candidate(node.id(), filters.score(node, u));
            if (best.isEmpty() || ORDER.compare(c, best.get()) < 0) {
                best = Optional.of(c);
            }
        }
        if (best.isPresent()) {
            return new Placed(best.get().nodeId());
        }
        if (reasons.isEmpty()) {
            reasons.put("*", "no nodes are registered");
        }
        return new Unplaceable(reasons);
    }

    private record Candidate(String nodeId, double score) {}

    private static final Comparator<Candidate> ORDER =
            Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::nodeId);
}
