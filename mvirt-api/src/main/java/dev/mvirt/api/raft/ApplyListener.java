package dev.mvirt.api.raft;

import dev.mvirt.api.state.Envelope;
import dev.mvirt.api.state.Result;

/**
 * Told of every applied command, on the apply thread, in log order: must return quickly and never throw (the audit
 * recorder hands entries to a non-blocking queue).
 */
@FunctionalInterface
public interface ApplyListener {

    /** The command in {@code envelope} was applied at {@code index} with {@code result}. */
    void applied(long index, Envelope envelope, Result result);

    /** Ignores everything. */
    static ApplyListener none() {
        return (index, envelope, result) -> {};
    }
}
