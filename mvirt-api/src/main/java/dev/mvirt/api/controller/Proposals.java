package dev.mvirt.api.controller;

import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.Outcome;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands a controller proposes, at most one in flight per key, so a slow commit is not proposed again on every
 * tick. Failures and rejections are logged; the next tick decides again from the state.
 */
final class Proposals {
    private static final Logger log = LoggerFactory.getLogger(Proposals.class);

    private final DataStore store;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    Proposals(DataStore store) {
        this.store = store;
    }

    /** Proposes {@code command} unless one for {@code key} is still in flight. */
    void propose(String key, Command command) {
        chain(key, () -> store.submit(command, Caller.system()));
    }

    /** Runs {@code steps} (which chains its own proposals) unless one for {@code key} is still in flight. */
    void chain(String key, Supplier<CompletableFuture<Outcome>> steps) {
        if (!inFlight.add(key)) {
            return;
        }
        try {
            steps.get().whenComplete((o, err) -> {
                inFlight.remove(key);
                if (err != null) {
                    log.warn("controller proposal failed key={}: {}", key, err.toString());
                } else if (!o.result().ok()) {
                    log.info("controller proposal rejected key={} result={}", key, o.result());
                }
            });
        } catch (RuntimeException e) {
            inFlight.remove(key);
            throw e;
        }
    }

    /** True when a proposal for {@code key} is in flight. */
    boolean pending(String key) {
        return inFlight.contains(key);
    }

    DataStore store() {
        return store;
    }
}
