package dev.mvirt.bench.history;

/** How an operation completed, as far as the client knows. */
public enum Outcome {
    /** Succeeded (a write took effect; a read returned a value; a CAS matched). */
    OK,
    /** Definitely did not take effect (a 4xx answer; for a CAS, a 412 precondition failure). */
    FAIL,
    /** Indeterminate: timeout, connection lost, 5xx. It may take effect at any time after its invocation, or never. */
    UNKNOWN
}
