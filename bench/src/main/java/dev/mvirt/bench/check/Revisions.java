package dev.mvirt.bench.check;

import dev.mvirt.bench.history.History;
import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.OpKind;
import dev.mvirt.bench.history.Outcome;
import dev.mvirt.bench.history.WatchLog;
import dev.mvirt.bench.history.WatchRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the run observed about revisions: for each key, which value each revision carried (from acknowledged
 * writes, reads, watch events and final reads). A revision names one change of one key, so two different values at
 * the same (key, revision), or one revision for two keys, is a violation found here.
 */
final class Revisions {
    /** revision → (key, value); the first observation wins, later disagreeing ones become findings. */
    private final TreeMap<Long, String[]> byRevision = new TreeMap<>();

    private final List<Finding> findings = new ArrayList<>();

    static Revisions of(History h) {
        Revisions r = new Revisions();
        for (Op op : h.ops()) {
            if (op.outcome() == Outcome.OK && op.revision() > 0) {
                boolean write = op.kind() == OpKind.WRITE || op.kind() == OpKind.CAS;
                r.note(op.revision(), op.key(), write ? op.value() : op.read(), op.describe());
            }
        }
        for (WatchLog w : h.watches()) {
            for (WatchRecord rec : w.records()) {
                if (rec instanceof WatchRecord.Seen s) {
                    r.note(s.revision(), s.key(), s.value(), "watch " + w.name() + " event " + s.revision());
                }
            }
        }
        h.finals().forEach(f -> r.note(f.revision(), f.key(), f.value(), "final read on " + f.peer()));
        return r;
    }

    private void note(long revision, String key, String value, String source) {
        String[] known = byRevision.putIfAbsent(revision, new String[] {key, value, source});
        if (known != null && (!known[0].equals(key) || !known[1].equals(value))) {
            findings.add(new Finding(
                    "revisions",
                    key,
                    "revision " + revision + " carries " + key + "=" + value + " (" + source + ") but also " + known[0]
                            + "=" + known[1] + " (" + known[2] + ")"));
        }
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Every observed revision of {@code key}, ascending, with its value. */
    Map<Long, String> ofKey(String key) {
        Map<Long, String> out = new TreeMap<>();
        byRevision.forEach((rev, kv) -> {
            if (kv[0].equals(key)) {
                out.put(rev, kv[1]);
            }
        });
        return out;
    }

    /** Every observed revision with its key. */
    Map<Long, String> keys() {
        Map<Long, String> out = new HashMap<>();
        byRevision.forEach((rev, kv) -> out.put(rev, kv[0]));
        return out;
    }
}
