package dev.mvirt.bench.check;

import dev.mvirt.bench.history.History;
import java.util.ArrayList;
import java.util.List;

/** Every check of a recorded run, together: linearizability, lost writes, revision consistency, watches, sessions. */
public final class HistoryChecks {
    private HistoryChecks() {}

    /** All findings; an empty list means the history passed every check. */
    public static List<Finding> run(History h) {
        List<Finding> out = new ArrayList<>();
        out.addAll(Revisions.of(h).findings());
        out.addAll(new LinearizabilityCheck().check(h));
        out.addAll(new LostWriteCheck().check(h));
        out.addAll(new WatchCheck().check(h));
        out.addAll(new SessionCheck().check(h));
        return out;
    }
}
