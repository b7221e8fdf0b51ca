package dev.mvirt.api.store;

import dev.mvirt.api.state.Applied;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.api.state.Placer;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link DataStore} that applies commands directly to an in-memory state, one at a time. For handler unit tests
 * only: no replication, no durability.
 */
public final class LocalStore implements DataStore {
    private final Placer placer;
    private final Clock clock;
    private final EventLog events = new EventLog(100_000, 100_000);
    private volatile ClusterState state = ClusterState.empty();

    /** A store starting empty (with the default project). */
    public LocalStore(Placer placer, Clock clock) {
        this.placer = placer;
        this.clock = clock;
    }

    @Override
    public synchronized CompletableFuture<Outcome> submit(Command command, Caller caller) {
        long index = state.revision() + 1;
        Envelope env =
                new Envelope(command, caller.actor(), clock.millis(), caller.idempotencyKey(), caller.requestHash());
        Applied a = state.apply(index, env, placer);
        state = a.state();
        events.publish(index, a.events());
        return CompletableFuture.completedFuture(new Outcome(index, a.result()));
    }

    @Override
    public ClusterState read() {
        return state;
    }

    @Override
    public CompletableFuture<ClusterState> readConsistent() {
        return CompletableFuture.completedFuture(state);
    }

    @Override
    public Watch watch(long fromRevision) {
        return events.watch(fromRevision);
    }
}
