package dev.mvirt.log.service;

import static dev.mvirt.log.store.Fixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.store.FakeLogStore;
import dev.mvirt.log.store.LogStore.AppendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC);

    /** A fake store whose appends wait for a latch, to pile requests up behind the writer. */
    private static final class GatedStore extends DelegatingStore {
        final CountDownLatch gate = new CountDownLatch(1);
        final List<Integer> groupsPerTransaction = new ArrayList<>();

        @Override
        public List<AppendResult> append(List<List<Entry>> groups) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                groupsPerTransaction.add(groups.size());
            }
            return super.append(groups);
        }
    }

    @Test
    void groupsQueuedRequestsIntoOneTransactionAndAcknowledgesEach() throws Exception {
        GatedStore store = new GatedStore();
        try (LogWriter writer = new LogWriter(store, new LogWriter.Options(100, 1000, RetentionPolicy.none()), CLOCK)) {
            List<CompletableFuture<AppendResult>> acks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                acks.add(writer.submit(List.of(entry(i + 1, "m" + i), entry(i + 1, "n" + i))));
            }
            store.gate.countDown();
            for (var ack : acks) {
                assertThat(ack.get(5, TimeUnit.SECONDS)).isEqualTo(new AppendResult(2, 0));
            }
            assertThat(store.groupsPerTransaction.size()).isLessThan(20);
            assertThat(store.groupsPerTransaction.stream().mapToInt(i -> i).sum())
                    .isEqualTo(20);
            assertThat(writer.stats().stored()).isEqualTo(40);
            assertThat(writer.commits().lastSeq()).isEqualTo(40);
        }
    }

    @Test
    void refusesWhenTheQueueIsFull() {
        GatedStore store = new GatedStore();
        try (LogWriter writer = new LogWriter(store, new LogWriter.Options(2, 1000, RetentionPolicy.none()), CLOCK)) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 10; i++) {
                            writer.submit(List.of(entry(1, "m")));
                        }
                    })
                    .isInstanceOf(OverloadedException.class);
            store.gate.countDown();
        }
    }

    @Test
    void closeWritesWhatIsQueued() {
        GatedStore store = new GatedStore();
        LogWriter writer = new LogWriter(store, new LogWriter.Options(100, 1000, RetentionPolicy.none()), CLOCK);
        CompletableFuture<AppendResult> ack = writer.submit(List.of(entry(1, "last")));
        store.gate.countDown();
        writer.close();
        assertThat(ack).isCompletedWithValue(new AppendResult(1, 0));
        assertThatThrownBy(() -> writer.submit(List.of(entry(1, "late")))).isInstanceOf(OverloadedException.class);
    }

    @Test
    void retentionDeletesOldEntriesInTheBackground() throws Exception {
        FakeLogStore store = new FakeLogStore();
        long now = CLOCK.instant().getEpochSecond() * 1_000_000_000L;
        long hour = Duration.ofHours(1).toNanos();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(entry(now - (i < 45 ? 3 * hour : 0), "m" + i));
        }
        store.append(List.of(entries));
        RetentionPolicy policy = new RetentionPolicy(Duration.ofHours(2), 0, 10, Duration.ofMillis(50));
        try (LogWriter writer = new LogWriter(store, new LogWriter.Options(100, 1000, policy), CLOCK)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.query(LogQuery.all()).entries().size() == 5);
            writer.submit(List.of(entry(now, "new"))).get(5, TimeUnit.SECONDS);
            assertThat(writer.stats().deleted()).isEqualTo(45);
        }
    }
}
