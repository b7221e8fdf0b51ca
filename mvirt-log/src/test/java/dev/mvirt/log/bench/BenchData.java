package dev.mvirt.log.bench;

import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deterministic benchmark entries: entry i concerns VM {@code vm-(i % vms)} and node {@code node-(i % 50)}. */
final class BenchData {
    static final long BASE_NS = 1_700_000_000_000_000_000L;

    private final String run;
    private final int vms;

    BenchData(String run, int vms) {
        this.run = run;
        this.vms = vms;
    }

    String id(long i) {
        return run + "-" + i;
    }

    String vm(long i) {
        return "vm-" + (i % vms);
    }

    String node(long i) {
        return "node-" + (i % 50);
    }

    String message(long i) {
        return "UpdateVm applied: vm " + vm(i) + " revision " + i;
    }

    Entry entry(long i) {
        return new Entry(
                id(i),
                BASE_NS + i * 1000,
                Level.AUDIT,
                "api",
                "alice",
                message(i),
                List.of(vm(i), node(i)),
                Map.of("project", "default", "outcome", "ok"));
    }

    List<Entry> batch(long from, int n) {
        List<Entry> out = new ArrayList<>(n);
        for (long i = from; i < from + n; i++) {
            out.add(entry(i));
        }
        return out;
    }

    /** The same entry as SQL for the sqlite3 CLI: the insert, then its two object links. */
    String sql(long i) {
        return "INSERT INTO logs(entry_id, ts_ns, level, component, actor, message, fields) VALUES ('" + id(i)
                + "'," + (BASE_NS + i * 1000) + ",'AUDIT','api','alice','" + message(i)
                + "','{\"project\":\"default\",\"outcome\":\"ok\"}') ON CONFLICT(entry_id) DO NOTHING;\n"
                + "INSERT OR IGNORE INTO log_objects(object_id, log_id) VALUES ('" + vm(i)
                + "', last_insert_rowid()), ('" + node(i) + "', last_insert_rowid());\n";
    }
}
