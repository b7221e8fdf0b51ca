package dev.mvirt.bench.check;

import dev.mvirt.bench.history.Op;
import java.util.Optional;

/**
 * A sequential specification: the state an operation leaves, or empty when the operation's recorded result is
 * impossible from {@code state}. States must be immutable values with {@code equals}/{@code hashCode} (the checker
 * memoizes on them).
 */
public interface Model<S> {

    /** The state before any operation. */
    S init();

    /** Applies {@code op} (with its recorded outcome and output) to {@code state}. */
    Optional<S> step(S state, Op op);
}
