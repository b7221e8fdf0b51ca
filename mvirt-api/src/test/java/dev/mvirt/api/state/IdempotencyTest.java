package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
    private final Fixtures f = new Fixtures();

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheSameResourceWithoutAnEvent() {
        f.node(8, 16);
        Command create = f.create("web", Fixtures.vmSpec(1, 512).build());
        Applied first = f.apply(create, "key-1", "hash-a");
        assertThat(first.result().ok()).isTrue();
        Resource<?, ?> vm = ((Result.Ok) first.result()).resource();

        // the client retries with a new id (the edge picks ids), same key and body
        Command retry = new Command.Create(
                f.id(),
                Fixtures.DEFAULT,
                "web",
                Map.of(),
                Fixtures.vmSpec(1, 512).build());
        ClusterState before = f.state();
        Applied second = f.apply(retry, "key-1", "hash-a");
        assertThat(second.result()).isEqualTo(new Result.Ok(vm));
        Fixtures.assertUnchanged(before, second);
        assertThat(f.state().vms().size()).isEqualTo(1);
    }

    @Test
    void theReplayShowsTheResourceAsItNowIs() {
        var net = f.network("10.0.0.0/24");
        f.apply(new Command.SetLabels(Kind.NETWORK, net.id(), 0, Map.of("a", "1")), "k", "h");
        f.ok(new Command.SetLabels(Kind.NETWORK, net.id(), 0, Map.of("a", "2")));
        Applied again = f.apply(new Command.SetLabels(Kind.NETWORK, net.id(), 0, Map.of("a", "1")), "k", "h");
        assertThat(again.result())
                .isInstanceOfSatisfying(
                        Result.Ok.class,
                        ok -> assertThat(ok.resource().meta().labels()).containsEntry("a", "2"));
        assertThat(again.events()).isEmpty();
    }

    @Test
    void theSameKeyWithAnotherBodyIsInvalidNamingTheHeader() {
        f.apply(f.create(Fixtures.networkSpec("10.0.0.0/24")), "key-1", "hash-a");
        ClusterState before = f.state();
        Applied a = f.apply(f.create(Fixtures.networkSpec("10.0.1.0/24")), "key-1", "hash-b");
        assertInvalid(a.result(), "Idempotency-Key");
        Fixtures.assertUnchanged(before, a);
    }

    @Test
    void aRejectedRequestIsNotRemembered() {
        Applied bad = f.apply(f.create(Fixtures.networkSpec("nope")), "key-1", "hash-a");
        assertThat(bad.result().ok()).isFalse();
        assertThat(f.state().idempotency("key-1")).isEmpty();
        Applied good = f.apply(f.create(Fixtures.networkSpec("10.0.0.0/24")), "key-1", "hash-a");
        assertThat(good.result().ok()).isTrue();
    }

    @Test
    void deletesAndCommandsWithoutAResourceReplayAsDone() {
        var net = f.network("10.0.0.0/24");
        f.apply(new Command.Delete(Kind.NETWORK, net.id(), 0, false), "del", "h");
        long deletedAt = f.index();
        Applied again = f.apply(new Command.Delete(Kind.NETWORK, net.id(), 0, false), "del", "h");
        assertThat(again.result()).isEqualTo(new Result.Done(deletedAt));

        f.apply(new Command.SetSettings(Map.of(Settings.SCHEDULER_STRATEGY, "binpack")), "set", "h");
        long setAt = f.index();
        f.done(new Command.SetSettings(Map.of(Settings.SCHEDULER_STRATEGY, "spread")));
        Applied replay = f.apply(new Command.SetSettings(Map.of(Settings.SCHEDULER_STRATEGY, "binpack")), "set", "h");
        assertThat(replay.result()).isEqualTo(new Result.Done(setAt));
        assertThat(f.state().settings().strategy()).isEqualTo("spread");
    }

    @Test
    void recordsSurviveARestore() {
        f.apply(f.create("web", Fixtures.networkSpec("10.0.0.0/24")), "key-1", "hash-a");
        var rec = f.state().idempotency("key-1").orElseThrow();
        assertThat(rec.requestHash()).isEqualTo("hash-a");
        assertThat(rec.kind()).isEqualTo(Kind.NETWORK);
        assertThat(rec.timeMillis()).isEqualTo(Fixtures.T0);
        ClusterState s = f.state();
        f.state(ClusterState.restore(s.revision(), s.allResources(), s.settings(), s.idempotencyRecords()));
        assertThat(f.state().idempotency("key-1")).contains(rec);
        Applied again = f.apply(f.create("web", Fixtures.networkSpec("10.0.0.0/24")), "key-1", "hash-a");
        assertThat(again.result().ok()).isTrue();
        assertThat(again.events()).isEmpty();
        assertInvalid(
                f.apply(f.create("web", Fixtures.networkSpec("10.0.0.0/24")), "key-1", "x")
                        .result(),
                "Idempotency-Key");
    }

    @Test
    void oldKeysExpireAfterADayOfCommandTime() {
        f.apply(f.create("web", Fixtures.networkSpec("10.0.0.0/24")), "old", "h");
        f.advance(Applier.KEY_TTL_MILLIS + 1);
        // pruning runs every 1024 indexes; walk there with cheap commands
        while ((f.index() + 1) % 1024 != 0) {
            f.done(new Command.ExpireLocks());
        }
        f.apply(f.create(Fixtures.networkSpec("10.0.1.0/24")), "new", "h");
        assertThat(f.state().idempotency("old")).isEmpty();
        assertThat(f.state().idempotency("new")).isPresent();
    }
}
