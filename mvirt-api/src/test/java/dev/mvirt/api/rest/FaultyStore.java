package dev.mvirt.api.rest;

import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.Outcome;
import dev.mvirt.api.store.StoreException;
import dev.mvirt.api.store.Watch;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A store over another that can lose its quorum (writes fail) or its history (watches must resync). */
final class FaultyStore implements DataStore {
    private final DataStore inner;
    volatile boolean noQuorum;
    volatile long historyFloor;

    FaultyStore(DataStore inner) {
        this.inner = inner;
    }

    @Override
    public CompletableFuture<Outcome> submit(Command command, Caller caller) {
        return noQuorum
                ? CompletableFuture.failedFuture(new StoreException("no leader"))
                : inner.submit(command, caller);
    }

    @Override
    public ClusterState read() {
        return inner.read();
    }

    @Override
    public CompletableFuture<ClusterState> readConsistent() {
        return noQuorum ? CompletableFuture.failedFuture(new StoreException("no quorum")) : inner.readConsistent();
    }

    @Override
    public Watch watch(long fromRevision) {
        if (fromRevision >= historyFloor) {
            return inner.watch(fromRevision);
        }
        long floor = historyFloor;
        return new Watch() {
            @Override
            public Optional<dev.mvirt.api.state.Event> next(Duration timeout) {
                throw new ResyncRequired(floor);
            }

            @Override
            public void close() {}
        };
    }
}
