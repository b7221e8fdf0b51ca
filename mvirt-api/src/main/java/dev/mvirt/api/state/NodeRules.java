package dev.mvirt.api.state;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import java.util.Optional;
import java.util.TreeMap;

/** Hosts: registration (same id updates), and liveness phases set by the leader's controller. */
final class NodeRules {
    private NodeRules() {}

    static Result register(Tx tx, Command.RegisterNode n) {
        NodeStatus f = n.facts();
        Optional<Result> bad = Rules.checkId("nodeId", n.nodeId())
                .or(() -> Rules.invalid(Check.name("name", n.name())))
                .or(() -> Rules.invalid(Check.labels("labels", n.labels())))
                .or(() -> Rules.invalid(Check.range("facts.cpus", f.cpus(), 1, 4096)))
                .or(() -> Rules.invalid(Check.range("facts.memoryMib", f.memoryMib(), 64, 1L << 32)))
                .or(() -> Rules.invalid(Check.text("facts.hostname", f.hostname(), 253)))
                .or(() -> Rules.invalid(Check.names("facts.hypervisors", f.hypervisors())));
        if (bad.isPresent()) {
            return bad.get();
        }
        Optional<Resource<NodeSpec, NodeStatus>> byName = tx.view().nodes().byName("", n.name());
        if (byName.isPresent() && !byName.get().id().equals(n.nodeId())) {
            return Rules.conflict(
                    "name_taken",
                    "node name " + n.name() + " belongs to node " + byName.get().id());
        }
        NodeStatus status = f.withPhase(NodePhase.READY);
        Optional<Resource<NodeSpec, NodeStatus>> known = tx.<Resource<NodeSpec, NodeStatus>>get(Kind.NODE, n.nodeId());
        if (known.isPresent()) {
            Resource<NodeSpec, NodeStatus> k = known.get();
            if (!k.name().equals(n.name())) {
                return Rules.invalid("name", "a registered node keeps its name " + k.name());
            }
            if (k.meta().labels().equals(new TreeMap<>(n.labels()))
                    && k.status().equals(status)) {
                return new Result.Ok(k); // an agent restart with nothing new: no revision, no event
            }
            Meta meta = k.meta().withLabels(n.labels(), tx.index);
            return new Result.Ok(tx.put(new Resource<>(meta, k.spec(), status)));
        }
        Meta meta = new Meta(n.nodeId(), "", n.name(), new TreeMap<>(n.labels()), tx.now(), tx.index);
        return new Result.Ok(tx.put(new Resource<>(meta, new NodeSpec(false, false), status)));
    }

    static Result phase(Tx tx, Command.SetNodePhase p) {
        Rules.Lookup<Resource<NodeSpec, NodeStatus>> found = Rules.find(tx, Kind.NODE, p.nodeId());
        if (found instanceof Rules.Lookup.Missing<Resource<NodeSpec, NodeStatus>> m) {
            return m.result();
        }
        Resource<NodeSpec, NodeStatus> node = ((Rules.Lookup.Found<Resource<NodeSpec, NodeStatus>>) found).value();
        if (node.status().phase() == p.phase()) {
            return new Result.Ok(node);
        }
        Resource<NodeSpec, NodeStatus> next =
                tx.put(node.withStatus(node.status().withPhase(p.phase()), tx.index));
        if (p.phase() != NodePhase.READY) {
            markVmsUnknown(tx, node.id());
        }
        return new Result.Ok(next);
    }

    /** The node may still run them: their phase is unknown until its agent reports again; nothing is restarted. */
    private static void markVmsUnknown(Tx tx, String nodeId) {
        for (Resource<VmSpec, VmStatus> vm : tx.view().vms().all()) {
            if (vm.status().node().equals(nodeId) && vm.status().phase() != VmPhase.UNKNOWN) {
                tx.put(vm.withStatus(vm.status().withPhase(VmPhase.UNKNOWN, "node unreachable"), tx.index));
            }
        }
    }
}
