package dev.mvirt.bench.check;

import java.util.List;

/** The linearizability verdict for one key's history. */
public sealed interface Verdict {

    /** A linearization exists; {@code steps} is the search effort. */
    record Linearizable(String key, int ops, long steps) implements Verdict {}

    /** No linearization exists; {@code explanation} names where the search got stuck. */
    record Violation(String key, String explanation, List<String> context) implements Verdict {
        public Violation {
            context = List.copyOf(context);
        }
    }

    /** The search gave up after {@code steps} steps: neither proven nor refuted. */
    record Inconclusive(String key, int ops, long steps) implements Verdict {}
}
