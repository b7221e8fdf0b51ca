package dev.mvirt.log.service;

import static dev.mvirt.log.store.Fixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mvirt.log.model.Cursor;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.model.Page;
import dev.mvirt.log.store.FakeLogStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FollowTest {

    private static final class ListSink implements Follow.PageSink {
        final List<String> messages = new CopyOnWriteArrayList<>();
        volatile boolean cancelled;

        @Override
        public void send(Page page, Cursor next) {
            page.entries().forEach(e -> messages.add(e.entry().message()));
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }

    @Test
    void seesHistoryThenEntriesWrittenAfterItStarted() throws Exception {
        FakeLogStore store = new FakeLogStore();
        try (LogWriter writer =
                new LogWriter(store, new LogWriter.Options(100, 1000, RetentionPolicy.none()), Clock.systemUTC())) {
            writer.submit(List.of(entry(1, "old-1", "vm-1"), entry(2, "other", "vm-2")))
                    .get(5, TimeUnit.SECONDS);
            LogQuery query = new LogQuery("vm-1", "", "", Set.of(), 0, 0, "", 1, new Cursor(0), false);
            ListSink sink = new ListSink();
            Thread follower = Thread.ofVirtual().start(() -> new Follow(store, writer.commits()).run(query, sink));
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.messages.size() == 1);

            writer.submit(List.of(entry(3, "new-1", "vm-1"), entry(4, "nope", "vm-2")))
                    .get(5, TimeUnit.SECONDS);
            writer.submit(List.of(entry(5, "new-2", "vm-1"))).get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.messages.size() == 3);
            assertThat(sink.messages).containsExactly("old-1", "new-1", "new-2");

            sink.cancelled = true;
            follower.join(Duration.ofSeconds(5));
            assertThat(follower.isAlive()).isFalse();
        }
    }
}
