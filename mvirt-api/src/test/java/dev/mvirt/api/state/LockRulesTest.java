package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.T0;
import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static dev.mvirt.api.state.Fixtures.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.LockSpec;
import dev.mvirt.api.model.LockStatus;
import dev.mvirt.api.model.Resource;
import org.junit.jupiter.api.Test;

class LockRulesTest {
    private final Fixtures f = new Fixtures();

    private Resource<LockSpec, LockStatus> acquire(String key, String owner, long ttl) {
        return f.ok(new Command.AcquireLock(f.id(), key, owner, ttl));
    }

    @Test
    void acquireTakesAFreeLockWithTheEnvelopeTime() {
        var l = acquire("leader", "api-1", 10_000);
        assertThat(l.name()).isEqualTo("leader");
        assertThat(l.spec()).isEqualTo(new LockSpec("api-1", 10_000));
        assertThat(l.status()).isEqualTo(new LockStatus(T0, T0 + 10_000));
        assertThat(f.state().locks().byName("", "leader")).contains(l);
    }

    @Test
    void theOwnerRenewsAndKeepsItsAcquiredTime() {
        var l = acquire("leader", "api-1", 10_000);
        f.advance(5_000);
        var renewed = acquire("leader", "api-1", 20_000);
        assertThat(renewed.id()).isEqualTo(l.id());
        assertThat(renewed.status()).isEqualTo(new LockStatus(T0, T0 + 25_000));
        assertThat(f.state().locks().size()).isEqualTo(1);
    }

    @Test
    void anotherOwnerWaitsUntilExpiryThenTakesOver() {
        acquire("leader", "api-1", 10_000);
        f.advance(9_999);
        assertConflict(f.reject(new Command.AcquireLock(f.id(), "leader", "api-2", 10_000)), "lock_held");
        f.advance(1);
        var taken = acquire("leader", "api-2", 10_000);
        assertThat(taken.spec().owner()).isEqualTo("api-2");
        assertThat(taken.status()).isEqualTo(new LockStatus(T0 + 10_000, T0 + 20_000));
    }

    @Test
    void anExpiredLockStaysUntilExpireLocksAtTheEnvelopeTime() {
        acquire("a", "api-1", 1_000);
        acquire("b", "api-1", 5_000);
        f.advance(2_000);
        assertThat(f.state().locks().size()).isEqualTo(2); // time alone removes nothing
        f.done(new Command.ExpireLocks());
        assertThat(f.state().locks().byName("", "a")).isEmpty();
        assertThat(f.state().locks().byName("", "b")).isPresent();
        assertThat(f.events()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Event.Type.DELETED);
            assertThat(e.resource().name()).isEqualTo("a");
        });
        int events = f.events().size();
        f.done(new Command.ExpireLocks());
        assertThat(f.events()).hasSize(events);
        f.advance(3_000);
        f.done(new Command.ExpireLocks());
        assertThat(f.state().locks().size()).isZero();
    }

    @Test
    void anExpiredLockRenewedByItsOwnerStartsAgain() {
        acquire("a", "api-1", 1_000);
        f.advance(1_000);
        var again = acquire("a", "api-1", 1_000);
        assertThat(again.status()).isEqualTo(new LockStatus(T0 + 1_000, T0 + 2_000));
    }

    @Test
    void releaseOnlyByTheOwner() {
        acquire("a", "api-1", 1_000);
        assertConflict(f.reject(new Command.ReleaseLock("a", "api-2")), "lock_not_owned");
        f.ok(new Command.ReleaseLock("a", "api-1"));
        assertNotFound(f.reject(new Command.ReleaseLock("a", "api-1")));
        acquire("a", "api-2", 1_000);
    }

    @Test
    void refusesBadKeysOwnersTtlsAndIds() {
        assertInvalid(f.reject(new Command.AcquireLock(f.id(), "../a", "me", 1000)), "key");
        assertInvalid(f.reject(new Command.AcquireLock(f.id(), "a", "-me", 1000)), "spec.owner");
        assertInvalid(f.reject(new Command.AcquireLock(f.id(), "a", "me", 99)), "spec.ttlMillis");
        assertInvalid(
                f.reject(new Command.AcquireLock(f.id(), "a", "me", LockSpec.MAX_TTL_MILLIS + 1)), "spec.ttlMillis");
        assertInvalid(f.reject(new Command.AcquireLock("nope", "a", "me", 1000)), "id");
    }

    @Test
    void aNewLockCannotReuseTheIdOfAnother() {
        var a = acquire("a", "api-1", 1_000);
        assertConflict(f.reject(new Command.AcquireLock(a.id(), "b", "api-1", 1_000)), "id_taken");
        assertThat(f.state().locks().byName("", "a")).contains(a);
    }
}
