package dev.mvirt.api.grpc;

import dev.mvirt.api.store.ClusterInfo;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A one-peer cluster whose role the test sets. */
public final class RoleCluster implements ClusterInfo {
    private final ClusterInfo delegate;
    private final AtomicReference<ClusterInfo.Role> role;

    public RoleCluster(ClusterInfo delegate, AtomicReference<ClusterInfo.Role> role) {
        this.delegate = delegate;
        this.role = role;
    }

    @Override
    public String selfId() {
        return delegate.selfId();
    }

    @Override
    public Role role() {
        return role.get();
    }

    @Override
    public Optional<String> leaderId() {
        return role.get() == Role.LEADER ? Optional.of(selfId()) : Optional.of("p2");
    }

    @Override
    public long term() {
        return 1;
    }

    @Override
    public long commitIndex() {
        return delegate.commitIndex();
    }

    @Override
    public long appliedIndex() {
        return delegate.appliedIndex();
    }

    @Override
    public List<Peer> peers() {
        return delegate.peers();
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> addPeer(String id, String address) {
        return delegate.addPeer(id, address);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> removePeer(String id) {
        return delegate.removePeer(id);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> transferLeadership(String id) {
        return delegate.transferLeadership(id);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Long> takeSnapshot() {
        return delegate.takeSnapshot();
    }
}
