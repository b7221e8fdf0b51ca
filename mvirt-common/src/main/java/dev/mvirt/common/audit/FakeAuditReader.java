package dev.mvirt.common.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link AuditReader} (and {@link AuditSink}) for tests and fake-mode runs: entries get seq 1, 2, ... in
 * the order recorded, and queries page through them like mvirt-log does (exclusive cursor, newest or oldest first).
 */
public final class FakeAuditReader implements AuditReader, AuditSink {
    private static final String PREFIX = "fake.";
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized AuditPage query(AuditQuery q) {
        long after = cursor(q.cursor());
        List<AuditRecord> page = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            long seq = q.newestFirst() ? entries.size() - i : i + 1L;
            AuditEntry e = entries.get((int) seq - 1);
            boolean past = after == 0 || (q.newestFirst() ? seq < after : seq > after);
            if (past && matches(q, e)) {
                if (page.size() == q.limit()) {
                    return new AuditPage(page, PREFIX + page.getLast().seq());
                }
                page.add(new AuditRecord(seq, e));
            }
        }
        return new AuditPage(page, "");
    }

    @Override
    public void close() {}

    private static boolean matches(AuditQuery q, AuditEntry e) {
        return (q.objectId().isEmpty() || e.objectIds().contains(q.objectId()))
                && (q.actor().isEmpty() || q.actor().equals(e.actor()))
                && (q.sinceNs() == 0 || nanos(e.timestamp()) >= q.sinceNs())
                && (q.untilNs() == 0 || nanos(e.timestamp()) < q.untilNs());
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static long cursor(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            if (text.startsWith(PREFIX)) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AuditReadException(AuditReadException.Reason.INVALID, "cursor: not a cursor of this reader");
    }
}
