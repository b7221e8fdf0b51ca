package dev.mvirt.api.controller;

import dev.mvirt.api.store.Outcome;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Re-places a stopped VM off its node (a cold move): the state picks a new node with the scheduler (a draining or
 * cordoned node is never picked) and the VM's status becomes SCHEDULED there with its desired power unchanged.
 *
 * <p>TODO(issue 4): the state has no command for this yet ({@code Command.MoveVm(vmId, expectedRevision)} with
 * its rule and log codec case); until it lands, {@link #unsupported} is wired and the drain stops movable VMs in
 * place, saying so.
 */
public interface VmMover {

    /** Why moves cannot happen at all, or empty when they can. */
    Optional<String> unavailable();

    /** Proposes the move of {@code vmId} at {@code expectedRevision}. */
    CompletableFuture<Outcome> move(String vmId, long expectedRevision);

    /** No moves: every VM of a draining node is stopped in place. */
    static VmMover unsupported() {
        return new VmMover() {
            @Override
            public Optional<String> unavailable() {
                return Optional.of("cold moves are not available yet (the state has no MoveVm command; issue 4)");
            }

            @Override
            public CompletableFuture<Outcome> move(String vmId, long expectedRevision) {
                return CompletableFuture.failedFuture(
                        new UnsupportedOperationException(unavailable().orElseThrow()));
            }
        };
    }
}
