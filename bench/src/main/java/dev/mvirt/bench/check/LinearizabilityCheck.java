package dev.mvirt.bench.check;

import dev.mvirt.bench.history.History;
import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.OpKind;
import dev.mvirt.bench.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Linearizability of the register operations, checked per key (P-compositionality: a history is linearizable iff
 * each key's sub-history is). Local reads are left out (they promise less); failed writes and reads of unknown
 * result carry no information and are dropped before the search.
 */
public final class LinearizabilityCheck {
    /** Search steps per key before giving up as inconclusive. */
    public static final long DEFAULT_BUDGET = 20_000_000;

    private final Model<String> model;
    private final long budget;

    /** A check with the register model and the default budget. */
    public LinearizabilityCheck() {
        this(new RegisterModel(), DEFAULT_BUDGET);
    }

    /** A check with {@code model} and {@code budget} search steps per key. */
    public LinearizabilityCheck(Model<String> model, long budget) {
        this.model = model;
        this.budget = budget;
    }

    /** One verdict per key, in key order. */
    public List<Verdict> verdicts(History history) {
        Map<String, List<Op>> byKey = new TreeMap<>();
        for (Op op : history.ops()) {
            if (relevant(op)) {
                byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
            }
        }
        List<Verdict> out = new ArrayList<>();
        byKey.forEach((key, ops) -> out.add(new LinearizabilitySearch<>(model, key, ops, budget).run()));
        return out;
    }

    /** The violations (and inconclusive keys) as findings. */
    public List<Finding> check(History history) {
        List<Finding> out = new ArrayList<>();
        for (Verdict v : verdicts(history)) {
            switch (v) {
                case Verdict.Linearizable l -> {}
                case Verdict.Violation x ->
                    out.add(new Finding(
                            "linearizable", x.key(), x.explanation() + "\n    " + String.join("\n    ", x.context())));
                case Verdict.Inconclusive i ->
                    out.add(new Finding(
                            "linearizable",
                            i.key(),
                            "inconclusive after " + i.steps() + " steps over " + i.ops() + " operations"));
            }
        }
        return out;
    }

    static boolean relevant(Op op) {
        return switch (op.kind()) {
            case WRITE -> op.outcome() != Outcome.FAIL;
            case CAS -> true;
            case READ -> op.outcome() == Outcome.OK;
            case LOCAL_READ -> false;
        };
    }

    /** True when {@code kind} is one of the operations this check covers. */
    public static boolean covers(OpKind kind) {
        return kind != OpKind.LOCAL_READ;
    }
}
