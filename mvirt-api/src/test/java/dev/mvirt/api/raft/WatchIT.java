package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.state.Event;
import dev.mvirt.api.store.Outcome;
import dev.mvirt.api.store.Watch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2 case (f): a watcher on a follower sees every event in order, no gaps or duplicates, across a leader change. */
class WatchIT {
    @TempDir
    Path dir;

    @Test
    void followerWatchSeesEveryEventAcrossLeaderChange() throws Exception {
        try (TestCluster c = TestCluster.started(dir, 3)) {
            String leader = c.awaitLeader();
            String watched = c.nodes.keySet().stream()
                    .filter(id -> !id.equals(leader))
                    .findFirst()
                    .orElseThrow();
            String writer = c.nodes.keySet().stream()
                    .filter(id -> !id.equals(leader) && !id.equals(watched))
                    .findFirst()
                    .orElseThrow();
            long from = c.store(watched).read().revision();
            List<Event> seen = new ArrayList<>();
            try (Watch w = c.store(watched).watch(from)) {
                for (int i = 0; i < 80; i++) {
                    if (i == 30) {
                        c.stop(leader);
                    }
                    try {
                        c.store(writer)
                                .submit(Writes.project("e" + i), Writes.caller())
                                .get(20, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        // unacknowledged; the watch must still be gap-free
                    }
                    drain(w, seen);
                }
                Outcome last = c.store(writer)
                        .submit(Writes.project("last"), Writes.caller())
                        .get(20, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    drain(w, seen);
                    return !seen.isEmpty() && seen.getLast().revision() >= last.revision();
                });
            }
            List<Long> revisions = seen.stream().map(Event::revision).toList();
            assertThat(revisions).isSorted().doesNotHaveDuplicates();
            List<String> created = seen.stream()
                    .filter(e -> e.type() == Event.Type.CREATED)
                    .map(e -> e.resource().name())
                    .toList();
            assertThat(created).doesNotHaveDuplicates();
            // every project the follower holds that was created after the watch started is in the stream
            List<String> expected = c.store(watched).read().table(Kind.PROJECT).all().stream()
                    .filter(r -> r.meta().revision() > from)
                    .map(r -> r.name())
                    .sorted()
                    .collect(Collectors.toList());
            assertThat(created.stream().sorted().toList()).isEqualTo(expected);
        }
    }

    private static void drain(Watch w, List<Event> into) throws InterruptedException {
        Optional<Event> e;
        while ((e = w.next(Duration.ofMillis(1))).isPresent()) {
            into.add(e.get());
        }
    }
}
