package dev.mvirt.api.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Raft group as this peer sees it, and the operator's actions on it. Implemented by {@code raft.RaftCluster};
 * {@link SingleNodeCluster} stands in for handler tests.
 */
public interface ClusterInfo {

    /** This peer's role. */
    enum Role {
        LEADER,
        FOLLOWER,
        CANDIDATE,
        LISTENER,
        STARTING
    }

    /** One member of the group: its id, Raft address, whether it is the leader, and its role as known here. */
    record Peer(String id, String address, boolean leader) {}

    /** This peer's id. */
    String selfId();

    /** This peer's role now. */
    Role role();

    /** The leader's id, if one is known. */
    Optional<String> leaderId();

    /** The current term. */
    long term();

    /** The highest log index known committed. */
    long commitIndex();

    /** The highest log index applied to the state here. */
    long appliedIndex();

    /** The group's members. */
    List<Peer> peers();

    /** True when a leader is known and this peer's state is current ({@link #stateCurrent}; DESIGN §8). */
    default boolean ready() {
        return leaderId().isPresent() && stateCurrent();
    }

    /** Whether this peer's state is current: here, applied up to the commit index. */
    default boolean stateCurrent() {
        return appliedIndex() >= commitIndex();
    }

    /** Adds a peer (id, host:port) to the group. Completes when the new configuration is committed. */
    CompletableFuture<Void> addPeer(String id, String address);

    /** Removes a peer from the group. */
    CompletableFuture<Void> removePeer(String id);

    /** Moves leadership to {@code id}. */
    CompletableFuture<Void> transferLeadership(String id);

    /** Takes a snapshot now; completes with its index. */
    CompletableFuture<Long> takeSnapshot();
}
