package dev.mvirt.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.Event;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventHistoryTest {
    private static Event event(long revision) {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("n", Long.toString(revision));
        Resource<ProjectSpec, ProjectStatus> r = new Resource<>(
                new Meta(
                        "00000000-0000-0000-0000-" + String.format("%012d", revision),
                        "",
                        "p" + revision,
                        labels,
                        1_700_000_000_000L,
                        revision),
                new ProjectSpec("description " + revision),
                new ProjectStatus());
        Event.Type type = Event.Type.values()[(int) (revision % 3)];
        return new Event(revision, type, r);
    }

    private static List<Event> decoded(List<EventHistory.Kept> kept) {
        return kept.stream().map(EventHistory.Kept::event).toList();
    }

    @Test
    void givesBackEqualEventsAfterARevisionOldestFirst() {
        EventHistory h = new EventHistory(10);
        for (long r = 1; r <= 4; r++) {
            assertThat(h.add(event(r))).isEqualTo(-1);
        }

        assertThat(decoded(h.after(2))).containsExactly(event(3), event(4));
        assertThat(decoded(h.after(0))).containsExactly(event(1), event(2), event(3), event(4));
        assertThat(h.after(4)).isEmpty();
    }

    @Test
    void growsPastItsFirstArraysThenDropsTheOldestAtCapacity() {
        EventHistory h = new EventHistory(3000);
        for (long r = 1; r <= 3000; r++) {
            assertThat(h.add(event(r))).isEqualTo(-1);
        }
        for (long r = 3001; r <= 7500; r++) {
            assertThat(h.add(event(r))).as("dropped by %d", r).isEqualTo(r - 3000);
        }

        assertThat(h.size()).isEqualTo(3000);
        List<Event> all = decoded(h.after(0));
        assertThat(all).hasSize(3000);
        assertThat(all.getFirst()).isEqualTo(event(4501));
        assertThat(all.getLast()).isEqualTo(event(7500));
        assertThat(decoded(h.after(7498))).containsExactly(event(7499), event(7500));
    }

    @Test
    void clearForgetsEverything() {
        EventHistory h = new EventHistory(2);
        h.add(event(1));
        h.add(event(2));
        h.clear();

        assertThat(h.size()).isZero();
        assertThat(h.after(0)).isEmpty();
        assertThat(h.add(event(3))).isEqualTo(-1);
        assertThat(decoded(h.after(0))).containsExactly(event(3));
    }
}
