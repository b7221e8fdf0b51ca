package dev.mvirt.api.store;

import dev.mvirt.api.codec.ResourceBytes;
import dev.mvirt.api.state.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@code capacity} events, oldest first, each kept as its revision, its type and its resource's bytes
 * ({@link ResourceBytes}) in arrays that grow to {@code capacity} and are then reused as a ring. A busy peer keeps
 * several seconds of events; as resource objects every young collection copied them (two or three times before
 * they were promoted), and on 2 cores shared by three peers those copies were the followers' longest pauses (README,
 * "Raft timing"). Not thread-safe: {@link EventLog} holds its lock around every call.
 */
final class EventHistory {
    private static final Event.Type[] TYPES = Event.Type.values();
    private static final int FIRST_SIZE = 1024;

    private final int capacity;
    private long[] revisions;
    private byte[] types;
    private byte[][] resources;
    /** The slot of the oldest event. */
    private int first;

    private int size;

    /** An empty history of at most {@code capacity} events (at least 1). */
    EventHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        int n = Math.min(capacity, FIRST_SIZE);
        revisions = new long[n];
        types = new byte[n];
        resources = new byte[n][];
    }

    int size() {
        return size;
    }

    /**
     * Appends {@code e} (its revision not below the newest one's); returns the revision of the oldest event, which
     * it pushed out, or -1 if the history was not full.
     */
    long add(Event e) {
        byte[] resource = ResourceBytes.encode(e.resource()); // first: a failure changes nothing
        long dropped = -1;
        if (size == revisions.length && size < capacity) {
            grow();
        }
        if (size == capacity) {
            dropped = revisions[first];
            first = (first + 1) % revisions.length;
            size--;
        }
        int slot = (first + size) % revisions.length;
        revisions[slot] = e.revision();
        types[slot] = (byte) e.type().ordinal();
        resources[slot] = resource;
        size++;
        return dropped;
    }

    /**
     * The kept events with a revision greater than {@code revision}, oldest first, still encoded: the caller decodes
     * each ({@link Kept#event}) outside the lock the apply thread waits for.
     */
    List<Kept> after(long revision) {
        int skip = size;
        while (skip > 0 && revisions[slot(skip - 1)] > revision) {
            skip--;
        }
        List<Kept> out = new ArrayList<>(size - skip);
        for (int i = skip; i < size; i++) {
            int s = slot(i);
            out.add(new Kept(revisions[s], TYPES[types[s]], resources[s]));
        }
        return out;
    }

    /** Forgets every event. */
    void clear() {
        Arrays.fill(resources, null);
        first = 0;
        size = 0;
    }

    private int slot(int i) {
        return (first + i) % revisions.length;
    }

    private void grow() {
        int n = (int) Math.min(capacity, 2L * revisions.length);
        long[] r = new long[n];
        byte[] t = new byte[n];
        byte[][] b = new byte[n][];
        for (int i = 0; i < size; i++) {
            int s = slot(i);
            r[i] = revisions[s];
            t[i] = types[s];
            b[i] = resources[s];
        }
        revisions = r;
        types = t;
        resources = b;
        first = 0;
    }

    /** One kept event, its resource still as bytes. */
    static final class Kept {
        private final long revision;
        private final Event.Type type;
        private final byte[] resource;

        private Kept(long revision, Event.Type type, byte[] resource) {
            this.revision = revision;
            this.type = type;
            this.resource = resource;
        }

        /** The event, decoded. */
        Event event() {
            return new Event(revision, type, ResourceBytes.decode(resource));
        }
    }
}
