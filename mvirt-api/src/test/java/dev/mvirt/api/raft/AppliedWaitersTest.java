package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.api.state.Result;
import dev.mvirt.api.store.Outcome;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class AppliedWaitersTest {
    private final AppliedWaiters waiters = new AppliedWaiters(3, Runnable::run);

    private static List<Outcome> outcome(long index) {
        return List.of(new Outcome(index, new Result.Done(index)));
    }

    private static void assertNotKept(CompletableFuture<List<Outcome>> f) {
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasMessageContaining("no longer kept");
    }

    @Test
    void anOwnEntryAppliedBeforeItsProposerAsksIsHandedOutOnce() throws Exception {
        waiters.applied(5, outcome(5), true);

        assertThat(waiters.outcome(5).get()).isEqualTo(outcome(5));
        assertNotKept(waiters.outcome(5));
    }

    @Test
    void aProposerAskingBeforeTheApplyGetsItThenAndNothingIsKept() throws Exception {
        CompletableFuture<List<Outcome>> f = waiters.outcome(7);
        assertThat(f).isNotDone();

        waiters.applied(7, outcome(7), true);

        assertThat(f.get()).isEqualTo(outcome(7));
        assertNotKept(waiters.outcome(7));
    }

    @Test
    void anotherPeersEntryIsNotKept() {
        waiters.applied(9, outcome(9), false);

        assertNotKept(waiters.outcome(9));
        assertThat(waiters.applied()).isEqualTo(9);
    }

    @Test
    void ownEntriesNobodyAskedForAreKeptUpToTheBoundOldestDroppedFirst() throws Exception {
        for (long i = 1; i <= 5; i++) {
            waiters.applied(i, outcome(i), true);
        }

        assertNotKept(waiters.outcome(1));
        assertNotKept(waiters.outcome(2));
        assertThat(waiters.outcome(3).get()).isEqualTo(outcome(3));
        assertThat(waiters.outcome(5).get()).isEqualTo(outcome(5));
    }
}
