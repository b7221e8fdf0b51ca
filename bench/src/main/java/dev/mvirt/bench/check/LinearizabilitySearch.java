package dev.mvirt.bench.check;

import dev.mvirt.bench.check.EntryList.Entry;
import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Wing–Gong search with Lowe's memoization for one key: walk the events in time order; at a call, try to
 * linearize that operation now (if the model accepts its result and the pair (linearized set, state) is new); at a
 * return of an operation not yet linearized, backtrack. The history is linearizable when every operation of known
 * outcome is linearized; an operation of unknown outcome has its return at infinity, so it may be linearized
 * anywhere after its call or never. Pure; one instance per key.
 */
final class LinearizabilitySearch<S> {
    private record Frame<S>(Entry call, S before) {}

    private record Seen(BitSet linearized, Object state) {}

    private final Model<S> model;
    private final String key;
    private final List<Op> ops;
    private final long budget;
    private int deepest = -1;
    private Op stuckAt = ops0();
    private Object stuckState = "";

    LinearizabilitySearch(Model<S> model, String key, List<Op> ops, long budget) {
        this.model = model;
        this.key = key;
        this.ops = List.copyOf(ops);
        this.budget = budget;
    }

    Verdict run() {
        EntryList list = EntryList.of(ops);
        int definite =
                (int) ops.stream().filter(o -> o.outcome() != Outcome.UNKNOWN).count();
        S state = model.init();
        BitSet linearized = new BitSet(ops.size());
        Deque<Frame<S>> stack = new ArrayDeque<>();
        Set<Seen> cache = new HashSet<>();
        Entry entry = list.head.next;
        long steps = 0;
        while (definite > 0 && entry != null) {
            if (++steps > budget) {
                return new Verdict.Inconclusive(key, ops.size(), steps);
            }
            if (entry.call) {
                Optional<S> next = model.step(state, entry.op);
                if (next.isPresent() && cache.add(new Seen(with(linearized, entry.index), next.get()))) {
                    stack.push(new Frame<>(entry, state));
                    state = next.get();
                    linearized.set(entry.index);
                    definite -= entry.op.outcome() == Outcome.UNKNOWN ? 0 : 1;
                    EntryList.lift(entry);
                    entry = list.head.next;
                } else {
                    entry = entry.next;
                }
                continue;
            }
            noteStuck(stack.size(), entry.op, state);
            if (stack.isEmpty()) {
                return violation();
            }
            Frame<S> f = stack.pop();
            state = f.before();
            linearized.clear(f.call().index);
            definite += f.call().op.outcome() == Outcome.UNKNOWN ? 0 : 1;
            EntryList.unlift(f.call());
            entry = f.call().next;
        }
        return new Verdict.Linearizable(key, ops.size(), steps);
    }

    private static BitSet with(BitSet set, int index) {
        BitSet b = (BitSet) set.clone();
        b.set(index);
        return b;
    }

    private void noteStuck(int depth, Op op, S state) {
        if (depth > deepest) {
            deepest = depth;
            stuckAt = op;
            stuckState = state;
        }
    }

    private Verdict violation() {
        String why = "no linearization: at best " + deepest + " of " + ops.size()
                + " operations linearized, then the register held '" + stuckState + "' and "
                + stuckAt.describe() + " could not take effect before it returned";
        List<Op> before = ops.stream()
                .filter(o -> o.complete() < stuckAt.invoke())
                .sorted(Comparator.comparingLong(Op::complete).reversed())
                .limit(3)
                .toList();
        List<String> context = new ArrayList<>();
        before.reversed().forEach(o -> context.add("before: " + o.describe()));
        ops.stream()
                .filter(o -> o.invoke() <= stuckAt.complete() && o.complete() >= stuckAt.invoke())
                .sorted(Comparator.comparingLong(Op::invoke))
                .limit(20)
                .forEach(o -> context.add("overlapping: " + o.describe()));
        return new Verdict.Violation(key, why, context);
    }

    private static Op ops0() {
        return new Op(-1, -1, "", "", dev.mvirt.bench.history.OpKind.READ, "", "", 0, 0, 0, Outcome.OK, "", 0);
    }
}
