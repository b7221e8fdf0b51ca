package dev.mvirt.api.controller;

import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.Outcome;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Re-places a stopped VM off its node (a cold move): the state picks a new node with the scheduler (a draining or
 * cordoned node is never picked) and the VM's status becomes SCHEDULED there with its desired power unchanged
 * ({@link dev.mvirt.api.state.Moves} holds the rule). {@link #through} proposes {@link Command.MoveVm};
 * {@link #unsupported} turns moves off (the drain then stops every VM in place, saying so).
 */
public interface VmMover {

    /** Why moves cannot happen at all, or empty when they can. */
    Optional<String> unavailable();

    /** Proposes the move of {@code vmId} at {@code expectedRevision}; the outcome is the state's answer. */
    CompletableFuture<Outcome> move(String vmId, long expectedRevision);

    /** Moves by proposing {@link Command.MoveVm} to {@code store} as the system, to any node that fits. */
    static VmMover through(DataStore store) {
        return new VmMover() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public CompletableFuture<Outcome> move(String vmId, long expectedRevision) {
                return store.submit(new Command.MoveVm(vmId, expectedRevision, Map.of()), Caller.system());
            }
        };
    }

    /** No moves: every VM of a draining node is stopped in place. */
    static VmMover unsupported() {
        return new VmMover() {
            @Override
            public Optional<String> unavailable() {
                return Optional.of("cold moves are turned off");
            }

            @Override
            public CompletableFuture<Outcome> move(String vmId, long expectedRevision) {
                return CompletableFuture.failedFuture(
                        new UnsupportedOperationException(unavailable().orElseThrow()));
            }
        };
    }
}
