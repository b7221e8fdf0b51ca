package dev.mvirt.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.grpc.Hosts;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.LocalStore;
import org.junit.jupiter.api.Test;

class LockExpiryControllerTest {
    final Hosts.MutableClock clock = new Hosts.MutableClock(1_000_000);
    final LocalStore store = Hosts.store(clock);

    @Test
    void expiresLocksOnlyOnceTheirLeaseRanOut() {
        Hosts.ok(store.acquireLock(Caller.of("t"), Hosts.uuid(), "deploy", "alice", 1000));
        LockExpiryController c = new LockExpiryController(store, clock);
        long before = store.read().revision();
        clock.advance(999);
        c.tick();
        assertThat(store.read().revision())
                .as("nothing proposed while no lock is due")
                .isEqualTo(before);
        clock.advance(1);
        c.tick();
        assertThat(store.read().locks().size()).isZero();
    }
}
