package dev.mvirt.bench.check;

import dev.mvirt.bench.history.History;
import dev.mvirt.bench.history.WatchLog;
import dev.mvirt.bench.history.WatchRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Each watcher sees strictly increasing revisions, and no gaps: within a stream opened after revision F whose last
 * event is L, every revision in (F, L] that the run observed anywhere (acknowledged writes, reads, other watchers)
 * arrived. A resync (410) ends a stream; the gap up to the next opening is allowed.
 */
public final class WatchCheck {

    /** The findings; empty when every watcher saw a gap-free increasing stream. */
    public List<Finding> check(History h) {
        Map<Long, String> known = Revisions.of(h).keys();
        TreeSet<Long> all = new TreeSet<>(known.keySet());
        List<Finding> out = new ArrayList<>();
        for (WatchLog w : h.watches()) {
            checkOne(w, all, out);
        }
        return out;
    }

    private static void checkOne(WatchLog w, TreeSet<Long> all, List<Finding> out) {
        long last = 0;
        long from = -1;
        TreeSet<Long> segment = new TreeSet<>();
        for (WatchRecord r : w.records()) {
            switch (r) {
                case WatchRecord.Opened o -> {
                    gaps(w, from, segment, all, out);
                    from = o.fromRevision();
                    segment = new TreeSet<>();
                }
                case WatchRecord.Resync x -> {
                    gaps(w, from, segment, all, out);
                    from = -1;
                    segment = new TreeSet<>();
                }
                case WatchRecord.Seen s -> {
                    if (s.revision() <= last) {
                        out.add(finding(w, "revision " + s.revision() + " after " + last + " (not increasing)"));
                    }
                    if (from >= 0 && s.revision() <= from) {
                        out.add(finding(w, "revision " + s.revision() + " in a stream opened after " + from));
                    }
                    last = Math.max(last, s.revision());
                    segment.add(s.revision());
                }
            }
        }
        gaps(w, from, segment, all, out);
    }

    private static void gaps(WatchLog w, long from, TreeSet<Long> seen, TreeSet<Long> all, List<Finding> out) {
        if (from < 0 || seen.isEmpty()) {
            return;
        }
        List<Long> missing = new ArrayList<>();
        for (long rev : all.subSet(from, false, seen.last(), true)) {
            if (!seen.contains(rev)) {
                missing.add(rev);
            }
        }
        if (!missing.isEmpty()) {
            out.add(finding(
                    w,
                    "gap: the stream opened after " + from + " and reached " + seen.last() + " but missed revisions "
                            + (missing.size() > 10 ? missing.subList(0, 10) + "..." : missing)));
        }
    }

    private static Finding finding(WatchLog w, String message) {
        return new Finding("watch", "", w.name() + "@" + w.peer() + ": " + message);
    }
}
