package dev.mvirt.bench.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Records operations from many client threads: {@link #invoke} stamps the invocation, the returned {@link Pending}
 * stamps the completion. Thread-safe; {@link #ops} may be called once the clients stopped. An operation never
 * completed counts as {@link Outcome#UNKNOWN}.
 */
public final class Recorder {
    private final LongSupplier clock;
    private final AtomicInteger ids = new AtomicInteger();
    private final ConcurrentLinkedQueue<Pending> all = new ConcurrentLinkedQueue<>();

    /** A recorder reading {@code clock} (nanoseconds, monotonic; {@code System::nanoTime} in runs). */
    public Recorder(LongSupplier clock) {
        this.clock = clock;
    }

    /** Stamps the invocation of an operation. */
    public Pending invoke(
            int client, String peer, String key, OpKind kind, String value, String expected, long expRev) {
        Pending p =
                new Pending(ids.getAndIncrement(), client, peer, key, kind, value, expected, expRev, clock.getAsLong());
        all.add(p);
        return p;
    }

    /** Every operation so far, ordered by id. */
    public List<Op> ops() {
        List<Op> out = new ArrayList<>();
        for (Pending p : all) {
            out.add(p.op());
        }
        out.sort(Comparator.comparingInt(Op::id));
        return out;
    }

    /** An invoked operation waiting for its completion. */
    public final class Pending {
        private final Op invoked;
        private volatile Op done;

        private Pending(
                int id,
                int client,
                String peer,
                String key,
                OpKind kind,
                String value,
                String expected,
                long expRev,
                long invoke) {
            this.invoked = new Op(
                    id,
                    client,
                    peer,
                    key,
                    kind,
                    value,
                    expected,
                    expRev,
                    invoke,
                    Long.MAX_VALUE,
                    Outcome.UNKNOWN,
                    "",
                    0);
            this.done = invoked;
        }

        /** Completes with a definite outcome; {@code read} is the value a read returned ("" for writes). */
        public Op complete(Outcome outcome, String read, long revision) {
            long now = outcome == Outcome.UNKNOWN ? Long.MAX_VALUE : clock.getAsLong();
            Op i = invoked;
            done = new Op(
                    i.id(),
                    i.client(),
                    i.peer(),
                    i.key(),
                    i.kind(),
                    i.value(),
                    i.expected(),
                    i.expectedRevision(),
                    i.invoke(),
                    now,
                    outcome,
                    read,
                    revision);
            return done;
        }

        Op op() {
            return done;
        }
    }
}
