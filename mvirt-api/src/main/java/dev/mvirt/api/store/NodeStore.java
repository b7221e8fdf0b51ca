package dev.mvirt.api.store;

import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.Command;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Hosts: registration by agents, liveness phases by the leader, cordon and drain by operators. */
public interface NodeStore extends StoreCore {

    /** Registers a host or updates the one with this id. */
    default CompletableFuture<Outcome> registerNode(
            Caller caller, String nodeId, String name, Map<String, String> labels, NodeStatus facts) {
        return submit(new Command.RegisterNode(nodeId, name, labels, facts), caller);
    }

    /** Sets a node's liveness phase. */
    default CompletableFuture<Outcome> setNodePhase(Caller caller, String nodeId, NodePhase phase) {
        return submit(new Command.SetNodePhase(nodeId, phase), caller);
    }

    /** A node by id. */
    default Optional<Resource<NodeSpec, NodeStatus>> node(String id) {
        return read().nodes().get(id);
    }
}
