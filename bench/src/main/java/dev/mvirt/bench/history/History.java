package dev.mvirt.bench.history;

import java.util.List;

/**
 * A whole recorded run: the operations, the watch streams and the final reads. Immutable; the checks in {@code
 * check} read it.
 */
public record History(List<Op> ops, List<WatchLog> watches, List<FinalRead> finals) {
    public History {
        ops = List.copyOf(ops);
        watches = List.copyOf(watches);
        finals = List.copyOf(finals);
    }

    /** A history of operations only. */
    public static History of(List<Op> ops) {
        return new History(ops, List.of(), List.of());
    }
}
