package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {
    private final List<CompletableFuture<Integer>> calls = new ArrayList<>();
    private final OneAtATime<Integer> one = new OneAtATime<>(() -> {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        calls.add(f);
        return f;
    });

    @Test
    void callersThatArriveDuringACallShareTheNextOne() throws Exception {
        CompletableFuture<Integer> a = one.get();
        CompletableFuture<Integer> b = one.get();
        CompletableFuture<Integer> c = one.get();
        assertThat(calls).hasSize(1);
        assertThat(c).isSameAs(b);

        calls.get(0).complete(1);
        assertThat(a.get(1, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(calls).hasSize(2); // started for b and c, after they arrived
        assertThat(b).isNotDone();
        calls.get(1).complete(2);
        assertThat(b.get(1, TimeUnit.SECONDS)).isEqualTo(2);

        CompletableFuture<Integer> d = one.get(); // nothing runs: a call of its own at once
        assertThat(calls).hasSize(3);
        calls.get(2).complete(3);
        assertThat(d.get(1, TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void aFailedCallFailsItsCallersAndTheNextStillRuns() throws Exception {
        CompletableFuture<Integer> a = one.get();
        CompletableFuture<Integer> b = one.get();
        calls.get(0).completeExceptionally(new IllegalStateException("refused"));
        assertThatThrownBy(() -> a.get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        calls.get(1).complete(2);
        assertThat(b.get(1, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void callsThatEndBeforeTheyReturnRunInALoop() throws Exception {
        OneAtATime<Integer> immediate = new OneAtATime<>(() -> CompletableFuture.completedFuture(7));
        assertThat(immediate.get().get(1, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(immediate.get().get(1, TimeUnit.SECONDS)).isEqualTo(7);
        OneAtATime<Integer> throwing = new OneAtATime<>(() -> {
            throw new IllegalStateException("no");
        });
        assertThatThrownBy(() -> throwing.get().get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> throwing.get().get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
