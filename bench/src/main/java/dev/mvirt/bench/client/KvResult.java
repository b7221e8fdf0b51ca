package dev.mvirt.bench.client;

import dev.mvirt.bench.history.Outcome;

/**
 * The answer to one register operation: its outcome as the history records it, the value read ("" for writes), the
 * revision the answer carried (0 if none) and the HTTP status (0 when no answer came).
 */
public record KvResult(Outcome outcome, String value, long revision, int status) {

    /** True when the operation succeeded. */
    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
