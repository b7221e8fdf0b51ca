package dev.mvirt.bench.history;

/**
 * One client operation on the register {@code key}, with its invocation and completion times (nanoseconds on one
 * monotonic clock) as the client saw them.
 *
 * @param id unique in the history
 * @param client the client (one thread, one operation at a time)
 * @param peer the API server the request went to
 * @param value the value written (WRITE, CAS), "" otherwise
 * @param expected the value a CAS expects, "" otherwise
 * @param expectedRevision the revision a CAS sent in If-Match (the revision read together with {@code expected}), 0
 *     otherwise
 * @param complete completion time; {@link Long#MAX_VALUE} when the outcome is {@link Outcome#UNKNOWN}
 * @param read the value a read returned, "" otherwise
 * @param revision the revision the answer carried (a write's new revision, a read's resource revision), 0 if none
 */
public record Op(
        int id,
        int client,
        String peer,
        String key,
        OpKind kind,
        String value,
        String expected,
        long expectedRevision,
        long invoke,
        long complete,
        Outcome outcome,
        String read,
        long revision) {

    /** True for writes and CASes that may have changed the register (OK or UNKNOWN). */
    public boolean mayHaveWritten() {
        return (kind == OpKind.WRITE || kind == OpKind.CAS) && outcome != Outcome.FAIL;
    }

    /** True when the operation is known to have taken effect as a write. */
    public boolean acknowledgedWrite() {
        return (kind == OpKind.WRITE || kind == OpKind.CAS) && outcome == Outcome.OK;
    }

    /** True for the reads whose value is checked for linearizability. */
    public boolean linearizableRead() {
        return kind == OpKind.READ;
    }

    /** True when the client knew the result before {@code other} was invoked. */
    public boolean precedes(Op other) {
        return complete < other.invoke;
    }

    /** A short description for reports. */
    public String describe() {
        String what = switch (kind) {
            case WRITE -> "write(" + value + ")";
            case CAS -> "cas(" + expected + "@" + expectedRevision + " -> " + value + ")";
            case READ -> "read()";
            case LOCAL_READ -> "localRead()";
        };
        String result = switch (outcome) {
            case OK -> kind == OpKind.READ || kind == OpKind.LOCAL_READ ? "= " + read : "ok";
            case FAIL -> "fail";
            case UNKNOWN -> "unknown";
        };
        String end = complete == Long.MAX_VALUE ? "∞" : Long.toString(complete);
        return "#" + id + " c" + client + "@" + peer + " " + key + " " + what + " " + result + " rev " + revision + " ["
                + invoke + ", " + end + "]";
    }
}
