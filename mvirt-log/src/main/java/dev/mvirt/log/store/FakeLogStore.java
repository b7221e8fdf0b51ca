package dev.mvirt.log.store;

import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.model.Page;
import dev.mvirt.log.model.StoredEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** An in-memory {@link LogStore} for tests and fake-mode runs; "durable" means held in this object. */
public final class FakeLogStore implements LogStore {
    private final NavigableMap<Long, Entry> bySeq = new TreeMap<>();
    private final Set<String> ids = new HashSet<>();
    private long lastSeq;

    @Override
    public synchronized List<AppendResult> append(List<List<Entry>> groups) {
        return groups.stream().map(this::appendGroup).toList();
    }

    private AppendResult appendGroup(List<Entry> entries) {
        int stored = 0;
        for (Entry e : entries) {
            if (ids.add(e.entryId())) {
                bySeq.put(++lastSeq, e);
                stored++;
            }
        }
        return new AppendResult(stored, entries.size() - stored);
    }

    @Override
    public synchronized Page query(LogQuery q) {
        long after = q.after().seq();
        NavigableMap<Long, Entry> range = q.newestFirst()
                ? (after == 0 ? bySeq : bySeq.headMap(after, false)).descendingMap()
                : bySeq.tailMap(after, false);
        List<StoredEntry> out = new ArrayList<>();
        for (Map.Entry<Long, Entry> e : range.entrySet()) {
            if (q.matches(e.getValue())) {
                if (out.size() == q.limit()) {
                    return new Page(out, true);
                }
                out.add(new StoredEntry(e.getKey(), e.getValue()));
            }
        }
        return new Page(out, false);
    }

    @Override
    public synchronized long lastSeq() {
        return lastSeq;
    }

    @Override
    public synchronized int deleteOlderThan(long cutoffNs, int max) {
        List<Long> doomed = bySeq.entrySet().stream()
                .filter(e -> e.getValue().timestampNs() < cutoffNs)
                .limit(max)
                .map(Map.Entry::getKey)
                .toList();
        doomed.forEach(bySeq::remove);
        return doomed.size();
    }

    @Override
    public synchronized int deleteOldest(int max) {
        int n = 0;
        while (n < max && !bySeq.isEmpty()) {
            bySeq.pollFirstEntry();
            n++;
        }
        return n;
    }

    @Override
    public synchronized long usedBytes() {
        return bySeq.values().stream()
                .mapToLong(e -> 64L + e.message().length())
                .sum();
    }

    @Override
    public void close() {}
}
