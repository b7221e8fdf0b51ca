package dev.mvirt.api.controller;

import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.DataStore;
import java.time.Clock;

/**
 * Proposes {@code ExpireLocks} when some lock's lease has run out by the leader's clock (and not otherwise, so an
 * idle cluster writes nothing). The command removes every lock expired by the time stamped on it.
 */
public final class LockExpiryController implements Controller {
    private final Proposals proposals;
    private final Clock clock;

    /** A controller proposing through {@code store}, timed by {@code clock}. */
    public LockExpiryController(DataStore store, Clock clock) {
        this.proposals = new Proposals(store);
        this.clock = clock;
    }

    @Override
    public void tick() {
        long now = clock.millis();
        boolean due = proposals.store().read().locks().all().stream()
                .anyMatch(l -> l.status().expiresAt() <= now);
        if (due) {
            proposals.propose("expire-locks", new Command.ExpireLocks());
        }
    }
}
