package dev.mvirt.api.store;

import dev.mvirt.api.state.Event;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded history of applied events on one peer, and its watchers. The apply thread calls {@link #publish}
 * in log order; watchers replay from the history and then receive live events, so each sees every event after its
 * start revision exactly once, in order. A watcher asking for revisions the history no longer holds, or one that
 * falls {@code queueLimit} events behind, gets {@link Watch.ResyncRequired}.
 */
public final class EventLog {
    private final int capacity;
    private final int queueLimit;
    private final ArrayDeque<Event> history = new ArrayDeque<>();
    private final List<Sub> subs = new ArrayList<>();
    private long floor;
    private long applied;

    /** A history of up to {@code capacity} events; each watcher may lag by up to {@code queueLimit} events. */
    public EventLog(int capacity, int queueLimit) {
        this.capacity = capacity;
        this.queueLimit = queueLimit;
    }

    /** Records the events of the entry at {@code index} (possibly none) and hands them to every watcher. */
    public synchronized void publish(long index, List<Event> events) {
        for (Event e : events) {
            history.addLast(e);
            for (Sub s : subs) {
                s.offer(e);
            }
        }
        while (history.size() > capacity) {
            floor = history.removeFirst().revision();
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
        for (Event e : history) {
            if (e.revision() > fromRevision) {
                s.queue.add(e);
            }
        }
        subs.add(s);
        return s;
    }

    private synchronized void remove(Sub s) {
        subs.remove(s);
    }

    private final class Sub implements Watch {
        private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final long from;
        private volatile boolean lagged;

        Sub(long from) {
            this.from = from;
        }

        void offer(Event e) {
            if (e.revision() <= from) {
                // this peer is behind the revision the watcher asked to start after
                return;
            }
            if (queue.size() >= queueLimit) {
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
