package dev.mvirt.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private static Event event(long revision) {
        Resource<ProjectSpec, ProjectStatus> r = new Resource<>(
                new Meta(
                        "00000000-0000-0000-0000-" + String.format("%012d", revision),
                        "",
                        "p" + revision,
                        new TreeMap<>(),
                        0,
                        revision),
                new ProjectSpec(""),
                new ProjectStatus());
        return new Event(revision, Event.Type.CREATED, r);
    }

    private static List<Long> drain(Watch w) throws InterruptedException {
        List<Long> out = new ArrayList<>();
        Optional<Event> e;
        while ((e = w.next(Duration.ofMillis(1))).isPresent()) {
            out.add(e.get().revision());
        }
        return out;
    }

    @Test
    void replaysHistoryAfterTheRevisionThenStreamsLiveEvents() throws Exception {
        EventLog log = new EventLog(100, 100);
        log.publish(1, List.of(event(1)));
        log.publish(2, List.of(event(2)));
        try (Watch w = log.watch(1)) {
            log.publish(3, List.of(event(3)));
            assertThat(drain(w)).containsExactly(2L, 3L);
        }
    }

    @Test
    void aRevisionOlderThanTheKeptHistoryMustResync() {
        EventLog log = new EventLog(2, 100);
        for (long i = 1; i <= 5; i++) {
            log.publish(i, List.of(event(i)));
        }
        Watch w = log.watch(1);
        assertThatThrownBy(() -> w.next(Duration.ofMillis(1))).isInstanceOf(Watch.ResyncRequired.class);
    }

    @Test
    void aWatcherThatFallsBehindMustResync() {
        EventLog log = new EventLog(100, 2);
        Watch w = log.watch(0);
        for (long i = 1; i <= 3; i++) {
            log.publish(i, List.of(event(i)));
        }
        assertThatThrownBy(() -> w.next(Duration.ofMillis(1))).isInstanceOf(Watch.ResyncRequired.class);
    }

    @Test
    void aPeerBehindTheRequestedRevisionDeliversNothingTwice() throws Exception {
        EventLog log = new EventLog(100, 100);
        log.publish(1, List.of(event(1)));
        try (Watch w = log.watch(3)) {
            log.publish(2, List.of(event(2)));
            log.publish(3, List.of(event(3)));
            log.publish(4, List.of(event(4)));
            assertThat(drain(w)).containsExactly(4L);
        }
    }

    @Test
    void aReplayedEventEqualsThePublishedOne() throws Exception {
        EventLog log = new EventLog(100, 100);
        log.publish(1, List.of(event(1)));
        try (Watch w = log.watch(0)) {
            assertThat(w.next(Duration.ofMillis(1))).contains(event(1));
        }
    }

    @Test
    void eventsNotYetReplayedCountTowardsTheLag() throws Exception {
        EventLog log = new EventLog(100, 3);
        for (long i = 1; i <= 3; i++) {
            log.publish(i, List.of(event(i)));
        }
        Watch read = log.watch(0);
        assertThat(read.next(Duration.ofMillis(1))).isPresent();
        Watch unread = log.watch(0);

        log.publish(4, List.of(event(4)));

        assertThat(drain(read)).containsExactly(2L, 3L, 4L);
        assertThatThrownBy(() -> unread.next(Duration.ofMillis(1))).isInstanceOf(Watch.ResyncRequired.class);
    }
}
