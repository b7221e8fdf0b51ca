package dev.mvirt.bench.history;

import java.util.List;

/** Everything one watcher ({@code name}, connected to {@code peer}) recorded, in arrival order. */
public record WatchLog(String name, String peer, List<WatchRecord> records) {
    public WatchLog {
        records = List.copyOf(records);
    }
}
