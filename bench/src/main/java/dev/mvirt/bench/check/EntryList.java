package dev.mvirt.bench.check;

import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The call and return events of one key's operations as a doubly linked list in time order, from which the search
 * lifts an operation (its call and its return) when it linearizes it, and puts it back when it backtracks. On equal
 * times a call sorts before a return, which makes the operations concurrent (the permissive reading).
 */
final class EntryList {

    /** One call or return event; {@code match} links a call to its return and back. */
    static final class Entry {
        final Op op;
        final int index;
        final boolean call;

        @Nullable
        Entry match;

        @Nullable
        Entry prev;

        @Nullable
        Entry next;

        Entry(Op op, int index, boolean call) {
            this.op = op;
            this.index = index;
            this.call = call;
        }

        long time() {
            return call ? op.invoke() : op.complete();
        }
    }

    final Entry head;

    private EntryList(Entry head) {
        this.head = head;
    }

    /** The list for {@code ops}; operation i gets index i. */
    static EntryList of(List<Op> ops) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Entry call = new Entry(ops.get(i), i, true);
            Entry ret = new Entry(ops.get(i), i, false);
            call.match = ret;
            ret.match = call;
            entries.add(call);
            entries.add(ret);
        }
        entries.sort(Comparator.comparingLong(Entry::time)
                .thenComparing(e -> !e.call)
                .thenComparingInt(e -> e.index));
        Entry head = new Entry(
                new Op(-1, -1, "", "", dev.mvirt.bench.history.OpKind.READ, "", "", 0, 0, 0, Outcome.OK, "", 0),
                -1,
                true);
        Entry last = head;
        for (Entry e : entries) {
            last.next = e;
            e.prev = last;
            last = e;
        }
        return new EntryList(head);
    }

    /** Removes the call {@code e} and its return. */
    static void lift(Entry e) {
        unlink(e);
        unlink(matchOf(e));
    }

    /** Puts back the call {@code e} and its return (the reverse of {@link #lift}). */
    static void unlift(Entry e) {
        Entry ret = matchOf(e);
        relink(ret);
        relink(e);
    }

    static Entry matchOf(Entry e) {
        Entry m = e.match;
        if (m == null) {
            throw new IllegalStateException("entry without match");
        }
        return m;
    }

    private static void unlink(Entry e) {
        Entry p = e.prev;
        if (p != null) {
            p.next = e.next;
        }
        Entry n = e.next;
        if (n != null) {
            n.prev = p;
        }
    }

    private static void relink(Entry e) {
        Entry p = e.prev;
        if (p != null) {
            p.next = e;
        }
        Entry n = e.next;
        if (n != null) {
            n.prev = e;
        }
    }
}
