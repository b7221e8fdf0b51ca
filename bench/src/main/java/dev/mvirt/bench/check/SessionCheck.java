package dev.mvirt.bench.check;

import dev.mvirt.bench.history.History;
import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.OpKind;
import dev.mvirt.bench.history.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Local reads never go back: a local read of a key on a peer reports a revision at least as new as any revision of
 * that key the same client already saw on that peer (its earlier reads, and its writes acknowledged through that
 * peer, which answer only after that peer applied them).
 */
public final class SessionCheck {

    /** The findings; empty when every client's local reads were monotonic per peer. */
    public List<Finding> check(History h) {
        Map<Integer, List<Op>> byClient = new HashMap<>();
        h.ops()
                .forEach(o -> byClient.computeIfAbsent(o.client(), c -> new ArrayList<>())
                        .add(o));
        List<Finding> out = new ArrayList<>();
        byClient.values().forEach(ops -> checkClient(ops, out));
        return out;
    }

    private static void checkClient(List<Op> ops, List<Finding> out) {
        Map<String, Op> newest = new HashMap<>();
        List<Op> sorted = new ArrayList<>(ops);
        sorted.sort(Comparator.comparingLong(Op::invoke));
        for (Op op : sorted) {
            if (op.outcome() != Outcome.OK || op.revision() <= 0) {
                continue;
            }
            String where = op.peer() + "/" + op.key();
            Op seen = newest.get(where);
            if (op.kind() == OpKind.LOCAL_READ && seen != null && op.revision() < seen.revision()) {
                out.add(new Finding(
                        "session",
                        op.key(),
                        "client " + op.client() + " read revision " + op.revision() + " on " + op.peer()
                                + " after it had seen " + seen.revision() + " there: " + seen.describe() + " then "
                                + op.describe()));
            }
            if (seen == null || op.revision() > seen.revision()) {
                newest.put(where, op);
            }
        }
    }
}
