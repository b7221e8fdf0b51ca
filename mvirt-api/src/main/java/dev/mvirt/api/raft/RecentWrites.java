package dev.mvirt.api.raft;

import dev.mvirt.api.codec.ForwardCodec.Placed;
import dev.mvirt.api.codec.WriteId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the writes this peer applied in the last {@code keep} went, by write id: what the leader answers a resend of
 * a forwarded write with ({@link Intake}). Every peer keeps it from the entries it applies, so a new leader knows the
 * writes of the entries before its term: it takes writes only once ready, that is once it applied all of them (as
 * Ratis's own retry cache). Not part of the snapshot: a peer that loads one does not know the writes before it, so a
 * resend reaching it as leader within {@code keep} of a write just before that snapshot would apply again; Ratis's
 * retry cache has the same limit. {@code keep} outlasts every resend (a write gives up after its request timeout).
 */
final class RecentWrites {
    private record Kept(Placed placed, long at) {}

    private record Stamp(WriteId id, long at) {}

    private final long keepNanos;
    private final Map<WriteId, Kept> kept = new HashMap<>();
    private final ArrayDeque<Stamp> order = new ArrayDeque<>();

    RecentWrites(Duration keep) {
        this.keepNanos = keep.toNanos();
    }

    /** Write {@code id} was applied at {@code placed}, at {@code now} ({@link System#nanoTime}). */
    synchronized void applied(WriteId id, Placed placed, long now) {
        kept.put(id, new Kept(placed, now));
        order.addLast(new Stamp(id, now));
        while (!order.isEmpty() && now - order.peekFirst().at() > keepNanos) {
            Stamp old = order.removeFirst();
            Kept k = kept.get(old.id());
            if (k != null && k.at() == old.at()) {
                kept.remove(old.id());
            }
        }
    }

    /** Where write {@code id} was applied, if it was within the time kept; null if not. */
    synchronized @org.jspecify.annotations.Nullable Placed find(WriteId id) {
        Kept k = kept.get(id);
        return k == null ? null : k.placed();
    }

    synchronized int size() {
        return kept.size();
    }
}
