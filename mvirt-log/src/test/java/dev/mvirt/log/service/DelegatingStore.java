package dev.mvirt.log.service;

import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.model.Page;
import dev.mvirt.log.store.FakeLogStore;
import dev.mvirt.log.store.LogStore;
import java.util.List;

/** A {@link FakeLogStore} wrapper that tests override one method of. */
class DelegatingStore implements LogStore {
    final FakeLogStore inner = new FakeLogStore();

    @Override
    public List<AppendResult> append(List<List<Entry>> groups) {
        return inner.append(groups);
    }

    @Override
    public Page query(LogQuery query) {
        return inner.query(query);
    }

    @Override
    public long lastSeq() {
        return inner.lastSeq();
    }

    @Override
    public int deleteOlderThan(long cutoffNs, int max) {
        return inner.deleteOlderThan(cutoffNs, max);
    }

    @Override
    public int deleteOldest(int max) {
        return inner.deleteOldest(max);
    }

    @Override
    public long usedBytes() {
        return inner.usedBytes();
    }

    @Override
    public void close() {}
}
