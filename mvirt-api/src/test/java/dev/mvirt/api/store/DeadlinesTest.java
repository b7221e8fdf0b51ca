package dev.mvirt.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
    @Test
    void aFutureStillPendingAtItsDeadlineFailsWithATimeoutWithinATick() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<String> f = Deadlines.bound(new CompletableFuture<>(), Duration.ofMillis(200));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMillis).isBetween(200L, 200 + Deadlines.TICK.toMillis() + 1_000);
    }

    @Test
    void futuresDoneInTimeKeepTheirResultAndTheLateOnesFailWhateverTheirTimeouts() throws Exception {
        List<CompletableFuture<Integer>> answered = new ArrayList<>();
        List<CompletableFuture<Integer>> late = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Duration timeout = Duration.ofMillis(i % 2 == 0 ? 150 : 300);
            answered.add(Deadlines.bound(new CompletableFuture<>(), timeout));
            late.add(Deadlines.bound(new CompletableFuture<>(), timeout));
        }
        for (int i = 0; i < answered.size(); i++) {
            answered.get(i).complete(i);
        }
        CompletableFuture.allOf(late.toArray(CompletableFuture[]::new))
                .exceptionally(t -> null)
                .get(5, TimeUnit.SECONDS);
        for (int i = 0; i < answered.size(); i++) {
            assertThat(answered.get(i).get()).isEqualTo(i);
            assertThat(late.get(i)).isCompletedExceptionally();
        }
        CompletableFuture<Integer> done = CompletableFuture.completedFuture(7);
        assertThat(Deadlines.bound(done, Duration.ZERO)).isSameAs(done);
    }
}
