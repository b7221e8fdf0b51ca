package dev.mvirt.api.controller;

import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.DataStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node liveness from the heartbeats in the leader's memory. A READY node not heard for the grace period
 * ({@code node.graceSeconds}) becomes UNREACHABLE, which marks its VMs UNKNOWN (nothing is started elsewhere);
 * an UNREACHABLE node heard again within the grace period becomes READY (its VMs leave UNKNOWN when its agent
 * reports them). DOWN nodes (deregistered) are left alone. A new leader has heard nobody yet, so every node gets
 * a full grace period from the moment leadership began; likewise a node gets a full grace period from the moment
 * this leader sees it (re-)registered, since its registration may have reached another server.
 */
public final class LivenessController implements Controller {
    private static final Logger log = LoggerFactory.getLogger(LivenessController.class);

    private final Proposals proposals;
    private final Heartbeats heartbeats;
    private final Clock clock;
    private long leaderSince;
    private final Map<String, Long> revisionSeen = new HashMap<>();
    private final Map<String, Long> seenAt = new HashMap<>();

    /** A controller proposing through {@code store}, reading {@code heartbeats}, timed by {@code clock}. */
    public LivenessController(DataStore store, Heartbeats heartbeats, Clock clock) {
        this.proposals = new Proposals(store);
        this.heartbeats = heartbeats;
        this.clock = clock;
        this.leaderSince = clock.millis();
    }

    @Override
    public void leadership(boolean leading) {
        if (leading) {
            leaderSince = clock.millis();
        } else {
            heartbeats.clear();
            revisionSeen.clear();
            seenAt.clear();
        }
    }

    /** When this leader first saw the node at its current revision (a registration changes the revision). */
    private long firstSeen(Resource<NodeSpec, NodeStatus> node, long now) {
        Long rev = revisionSeen.get(node.id());
        if (rev == null || rev != node.revision()) {
            revisionSeen.put(node.id(), node.revision());
            seenAt.put(node.id(), now);
        }
        return seenAt.getOrDefault(node.id(), now);
    }

    @Override
    public void tick() {
        ClusterState s = proposals.store().read();
        long grace = s.settings().nodeGraceSeconds() * 1000L;
        long now = clock.millis();
        for (Resource<NodeSpec, NodeStatus> node : s.nodes().all()) {
            OptionalLong heard = heartbeats.lastSeen(node.id());
            long since = Math.max(Math.max(heard.orElse(Long.MIN_VALUE), leaderSince), firstSeen(node, now));
            NodePhase phase = node.status().phase();
            if (phase == NodePhase.READY && now - since > grace) {
                log.warn("node unreachable node={} name={} silentMs={}", node.id(), node.name(), now - since);
                proposals.propose(node.id(), new Command.SetNodePhase(node.id(), NodePhase.UNREACHABLE));
            } else if (phase == NodePhase.UNREACHABLE && heard.isPresent() && now - heard.getAsLong() <= grace) {
                log.info("node heard again node={} name={}", node.id(), node.name());
                proposals.propose(node.id(), new Command.SetNodePhase(node.id(), NodePhase.READY));
            }
        }
    }
}
