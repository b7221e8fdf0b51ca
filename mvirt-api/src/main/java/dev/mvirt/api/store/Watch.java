package dev.mvirt.api.store;

import dev.mvirt.api.state.Event;
import java.time.Duration;
import java.util.Optional;

/**
 * A stream of events in revision order, without gaps or duplicates, from one peer. Closed by its holder; one
 * consumer thread.
 */
public interface Watch extends AutoCloseable {

    /**
     * The next event, waiting up to {@code timeout}; empty on timeout.
     *
     * @throws ResyncRequired when the history no longer holds the requested revisions or the watcher fell behind
     */
    Optional<Event> next(Duration timeout) throws InterruptedException;

    @Override
    void close();

    /** Thrown by {@link #next} when events were lost to this watcher; re-list and watch from the new revision. */
    final class ResyncRequired extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long oldestAvailable;

        public ResyncRequired(long oldestAvailable) {
            super("revision too old or watcher too slow; oldest kept revision is " + oldestAvailable);
            this.oldestAvailable = oldestAvailable;
        }

        /** The oldest revision the history still holds. */
        public long oldestAvailable() {
            return oldestAvailable;
        }
    }
}
