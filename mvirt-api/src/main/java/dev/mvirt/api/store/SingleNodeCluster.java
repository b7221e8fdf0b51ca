package dev.mvirt.api.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ClusterInfo} of a {@link LocalStore}: one peer, always leader, nothing to change. For handler tests; the
 * membership actions answer with an {@link UnsupportedOperationException} saying so.
 */
public final class SingleNodeCluster implements ClusterInfo {
    private final String id;
    private final StoreCore store;

    /** A one-peer view named {@code id} over {@code store}. */
    public SingleNodeCluster(String id, StoreCore store) {
        this.id = id;
        this.store = store;
    }

    @Override
    public String selfId() {
        return id;
    }

    @Override
    public Role role() {
        return Role.LEADER;
    }

    @Override
    public Optional<String> leaderId() {
        return Optional.of(id);
    }

    @Override
    public long term() {
        return 1;
    }

    @Override
    public long commitIndex() {
        return store.read().revision();
    }

    @Override
    public long appliedIndex() {
        return store.read().revision();
    }

    @Override
    public List<Peer> peers() {
        return List.of(new Peer(id, "local", true));
    }

    @Override
    public CompletableFuture<Void> addPeer(String peerId, String address) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a local store has no peers"));
    }

    @Override
    public CompletableFuture<Void> removePeer(String peerId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a local store has no peers"));
    }

    @Override
    public CompletableFuture<Void> transferLeadership(String peerId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a local store has no peers"));
    }

    @Override
    public CompletableFuture<Long> takeSnapshot() {
        return CompletableFuture.completedFuture(store.read().revision());
    }
}
