package dev.mvirt.api.grpc;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.FieldError;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.state.Command;
import dev.mvirt.proto.node.v1.HostFacts;
import dev.mvirt.proto.node.v1.RegisterRequest;
import java.util.List;
import java.util.Optional;

/** Turns a {@code Register} request into a command, refusing malformed fields before they reach the log. */
final class NodeRequests {
    private NodeRequests() {}

    static Command.RegisterNode register(RegisterRequest req) {
        HostFacts f = req.getFacts();
        Optional<FieldError> bad = Check.first(
                () -> Check.uuid("node_id", req.getNodeId()),
                () -> Check.name("name", req.getName()),
                () -> Check.labels("labels", req.getLabelsMap()),
                () -> Check.text("facts.hostname", f.getHostname(), 253),
                () -> Check.text("facts.address", f.getAddress(), 253),
                () -> Check.text("facts.agent_version", f.getAgentVersion(), 64),
                () -> f.getPoolsCount() > 64 ? Check.fail("facts.pools", "at most 64") : Optional.empty(),
                () -> Check.names(
                        "facts.pools.name",
                        f.getPoolsList().stream()
                                .map(dev.mvirt.proto.node.v1.StoragePool::getName)
                                .toList()),
                () -> Check.names("facts.hypervisors", f.getHypervisorsList()));
        if (bad.isPresent()) {
            throw new Refusal(Refusal.Why.INVALID, bad.get().toString());
        }
        List<StoragePool> pools = f.getPoolsList().stream()
                .map(p -> new StoragePool(p.getName(), p.getTotalBytes(), p.getFreeBytes()))
                .toList();
        NodeStatus facts = new NodeStatus(
                NodePhase.READY,
                f.getHostname(),
                f.getAddress(),
                f.getCpus(),
                f.getMemoryMib(),
                pools,
                f.getHypervisorsList(),
                f.getAgentVersion());
        return new Command.RegisterNode(req.getNodeId(), req.getName(), req.getLabelsMap(), facts);
    }
}
