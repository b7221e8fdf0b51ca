package dev.mvirt.common.audit;

import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link AuditSink} for tests and fake-mode runs: keeps every entry in the order recorded. */
public final class FakeAuditSink implements AuditSink {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    /** A snapshot of everything recorded so far. */
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** Forgets everything recorded so far. */
    public synchronized void clear() {
        entries.clear();
    }
}
