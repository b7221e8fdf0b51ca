package dev.mvirt.api.store;

import dev.mvirt.api.state.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The bounded history of applied events on one peer, and its watchers. The apply thread calls {@link #publish}
 * in log order; watchers replay from the history and then receive live events, so each sees every event after its
 * start revision exactly once, in order. A watcher asking for revisions the history no longer holds, or one that
 * falls {@code queueLimit} events behind, gets {@link Watch.ResyncRequired}.
 */
public final class EventLog {
    private final int queueLimit;
    private final EventHistory history;
    private final List<Sub> subs = new ArrayList<>();
    private long floor;
    private long applied;

    /** A history of up to {@code capacity} events; each watcher may lag by up to {@code queueLimit} events. */
    public EventLog(int capacity, int queueLimit) {
        this.history = new EventHistory(capacity);
        this.queueLimit = queueLimit;
    }

    /** Records the events of the entry at {@code index} (possibly none) and hands them to every watcher. */
    public synchronized void publish(long index, List<Event> events) {
        for (Event e : events) {
            long dropped = history.add(e);
            if (dropped >= 0) {
                floor = dropped;
            }
            for (Sub s : subs) {
                s.offer(e);
            }
        }
        applied = index;
    }

    /**
     * Forgets the history: the state jumped to {@code index} (restart from a snapshot, or a snapshot installed from
     * the leader). Every watcher must resync.
     */
    public synchronized void reset(long index) {
        history.clear();
        floor = index;
        applied = index;
        for (Sub s : subs) {
            s.lagged = true;
        }
    }

    /** The last index published. */
    public synchronized long applied() {
        return applied;
    }

    /** The oldest revision a watch may start from. */
    public synchronized long floor() {
        return floor;
    }

    /** A watch of events with revision greater than {@code fromRevision}. */
    public synchronized Watch watch(long fromRevision) {
        Sub s = new Sub(fromRevision);
        if (fromRevision < floor) {
            s.lagged = true;
            return s;
        }
        s.replay(history.after(fromRevision));
        subs.add(s);
        return s;
    }

    private synchronized void remove(Sub s) {
        subs.remove(s);
    }

    private final class Sub implements Watch {
        private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final long from;
        private final Object replayLock = new Object();
        /** Kept events this watch starts with, before any in {@link #queue}; each decoded as the watcher reads it. */
        private List<EventHistory.Kept> replay = List.of();

        private int replayNext;
        /** Events of {@link #replay} not yet read: they count towards {@code queueLimit}. */
        private volatile int replayLeft;

        private volatile boolean lagged;

        Sub(long from) {
            this.from = from;
        }

        void replay(List<EventHistory.Kept> kept) {
            synchronized (replayLock) {
                replay = kept;
                replayNext = 0;
                replayLeft = kept.size();
            }
        }

        /** The next event to replay, or null once all were read (then the kept bytes are let go). */
        private EventHistory.@Nullable Kept nextReplayed() {
            synchronized (replayLock) {
                if (replayNext == replay.size()) {
                    return null;
                }
                EventHistory.Kept k = replay.get(replayNext++);
                replayLeft = replay.size() - replayNext;
                if (replayLeft == 0) {
                    replay = List.of();
                    replayNext = 0;
                }
                return k;
            }
        }

        void offer(Event e) {
            if (e.revision() <= from) {
                // this peer is behind the revision the watcher asked to start after
                return;
            }
            if (queue.size() + replayLeft >= queueLimit) {
                lagged = true;
                queue.clear();
            } else if (!lagged) {
                queue.add(e);
            }
        }

        @Override
        public Optional<Event> next(Duration timeout) throws InterruptedException {
            if (lagged) {
                throw new ResyncRequired(floor());
            }
            EventHistory.Kept k = nextReplayed();
            if (k != null) {
                return Optional.of(k.event());
            }
            Event e = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (lagged) {
                throw new ResyncRequired(floor());
            }
            return Optional.ofNullable(e);
        }

        @Override
        public void close() {
            remove(this);
        }
    }
}
