package dev.mvirt.api.raft;

import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.api.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;

/**
 * {@link ClusterInfo} from this peer's Ratis division. Membership actions go through Ratis's admin API (joint
 * consensus) and complete when committed; they run on a virtual thread because Ratis's admin calls block.
 */
public final class RaftCluster implements ClusterInfo {
    private static final long ADMIN_TIMEOUT_MS = 10_000;
    private final RaftNode node;
    private final Readiness readiness = new Readiness();

    /** The view of {@code node}'s group. */
    public RaftCluster(RaftNode node) {
        this.node = node;
    }

    @Override
    public String selfId() {
        return node.config().id();
    }

    @Override
    public Role role() {
        DivisionInfo info = node.division().getInfo();
        if (!info.isAlive()) {
            return Role.STARTING;
        }
        return switch (info.getCurrentRole()) {
            case LEADER -> Role.LEADER;
            case FOLLOWER -> Role.FOLLOWER;
            case CANDIDATE -> Role.CANDIDATE;
            case LISTENER -> Role.LISTENER;
            default -> Role.STARTING;
        };
    }

    @Override
    public Optional<String> leaderId() {
        RaftPeerId id = node.division().getInfo().getLeaderId();
        return id == null ? Optional.empty() : Optional.of(id.toString());
    }

    @Override
    public long term() {
        return node.division().getInfo().getCurrentTerm();
    }

    @Override
    public long commitIndex() {
        return node.division().getRaftLog().getLastCommittedIndex();
    }

    @Override
    public long appliedIndex() {
        return node.division().getInfo().getLastAppliedIndex();
    }

    /**
     * This peer has caught up after its start ({@link RaftNode#caughtUp}; before that reads answer 503), and it keeps
     * applying what is committed ({@link Readiness}: a few entries behind while it applies them is still current).
     */
    @Override
    public boolean stateCurrent() {
        return node.caughtUp() && readiness.caughtUp(commitIndex(), appliedIndex(), System.nanoTime());
    }

    @Override
    public List<Peer> peers() {
        RaftServer.Division d = node.division();
        Optional<String> leader = leaderId();
        List<Peer> out = new ArrayList<>();
        for (RaftPeer p : d.getRaftConf().getCurrentPeers()) {
            String id = p.getId().toString();
            out.add(new Peer(id, p.getAddress(), leader.filter(id::equals).isPresent()));
        }
        out.sort(java.util.Comparator.comparing(Peer::id));
        return out;
    }

    @Override
    public CompletableFuture<Void> addPeer(String id, String address) {
        return admin(() -> {
            List<RaftPeer> next = new ArrayList<>(node.division().getRaftConf().getCurrentPeers());
            if (next.stream().noneMatch(p -> p.getId().toString().equals(id))) {
                next.add(RaftPeer.newBuilder().setId(id).setAddress(address).build());
            }
            return node.client().admin().setConfiguration(next);
        });
    }

    @Override
    public CompletableFuture<Void> removePeer(String id) {
        return admin(() -> {
            List<RaftPeer> next = new ArrayList<>(node.division().getRaftConf().getCurrentPeers());
            next.removeIf(p -> p.getId().toString().equals(id));
            return node.client().admin().setConfiguration(next);
        });
    }

    @Override
    public CompletableFuture<Void> transferLeadership(String id) {
        return admin(() -> node.client().admin().transferLeadership(RaftPeerId.valueOf(id), ADMIN_TIMEOUT_MS));
    }

    @Override
    public CompletableFuture<Long> takeSnapshot() {
        CompletableFuture<Long> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                RaftClientReply r = node.client()
                        .getSnapshotManagementApi(RaftPeerId.valueOf(selfId()))
                        .create(ADMIN_TIMEOUT_MS);
                check(r);
                f.complete(r.getLogIndex());
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(new StoreException("snapshot failed: " + e.getMessage(), e));
            }
        });
        return f;
    }

    private interface AdminCall {
        RaftClientReply call() throws IOException;
    }

    private static CompletableFuture<Void> admin(AdminCall call) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                check(call.call());
                f.complete(null);
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(new StoreException("cluster change failed: " + e.getMessage(), e));
            }
        });
        return f;
    }

    private static void check(RaftClientReply r) {
        if (!r.isSuccess()) {
            throw new StoreException("refused by Raft: "
                    + (r.getException() == null ? "unknown" : r.getException().getMessage()));
        }
    }
}
