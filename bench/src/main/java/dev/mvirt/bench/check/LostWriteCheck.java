package dev.mvirt.bench.check;

import dev.mvirt.bench.history.FinalRead;
import dev.mvirt.bench.history.History;
import dev.mvirt.bench.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * No acknowledged write lost: after the run every peer agrees on each key, the final revision of a key is at least
 * the revision of every acknowledged write to it (equal only with that write's value), and the final value was
 * written by an operation that may have succeeded. Needs the history's final reads; without them it finds nothing.
 */
public final class LostWriteCheck {

    /** The findings; empty when no write was lost. */
    public List<Finding> check(History h) {
        List<Finding> out = new ArrayList<>();
        Map<String, FinalRead> agreed = agreement(h.finals(), out);
        for (Op op : h.ops()) {
            FinalRead fin = agreed.get(op.key());
            if (op.acknowledgedWrite() && fin != null) {
                lost(op, fin).ifPresent(out::add);
            }
        }
        agreed.values().forEach(fin -> origin(h, fin).ifPresent(out::add));
        return out;
    }

    private static Map<String, FinalRead> agreement(List<FinalRead> finals, List<Finding> out) {
        Map<String, FinalRead> first = new HashMap<>();
        for (FinalRead f : finals) {
            FinalRead known = first.putIfAbsent(f.key(), f);
            if (known != null && (!known.value().equals(f.value()) || known.revision() != f.revision())) {
                out.add(new Finding(
                        "lost-write",
                        f.key(),
                        "peers disagree after the run: " + known.peer() + " has " + known.value() + "@"
                                + known.revision() + ", " + f.peer() + " has " + f.value() + "@" + f.revision()));
            }
        }
        return first;
    }

    private static java.util.Optional<Finding> lost(Op op, FinalRead fin) {
        boolean older = fin.revision() < op.revision();
        boolean replaced = fin.revision() == op.revision() && !fin.value().equals(op.value());
        if (!older && !replaced) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding(
                "lost-write",
                op.key(),
                "acknowledged " + op.describe() + " but the final state is " + fin.value() + "@" + fin.revision()
                        + " on " + fin.peer()));
    }

    private static java.util.Optional<Finding> origin(History h, FinalRead fin) {
        boolean written = h.ops().stream()
                .anyMatch(o -> o.key().equals(fin.key())
                        && o.mayHaveWritten()
                        && o.value().equals(fin.value()));
        if (written) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding(
                "lost-write",
                fin.key(),
                "final value " + fin.value() + "@" + fin.revision() + " was never written by a client"));
    }
}
