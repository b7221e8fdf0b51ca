package dev.mvirt.api.store;

import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import java.util.concurrent.CompletableFuture;

/** The four things every store does; the domain interfaces are written on top of them. */
public interface StoreCore {

    /**
     * Proposes {@code command} for {@code caller}. The future completes after the command is committed and
     * applied on this peer, with its typed result (a rejection is a normal completion), or exceptionally with
     * {@link StoreException} when it could not be committed. Any thread; never blocks.
     */
    CompletableFuture<Outcome> submit(Command command, Caller caller);

    /** The state this peer has applied: one consistent revision, possibly a few ms stale. Never blocks. */
    ClusterState read();

    /**
     * A linearizable read: completes with a state that reflects every write committed before the call (ReadIndex),
     * or exceptionally with {@link StoreException} when no quorum answers.
     */
    CompletableFuture<ClusterState> readConsistent();

    /**
     * Watches events after {@code fromRevision}. Replays what the bounded history still holds, then streams new
     * events as they are applied; when the history no longer reaches back that far (or the watcher falls too far
     * behind) the watch is told to resync from a full state instead.
     */
    Watch watch(long fromRevision);
}
