package dev.mvirt.common.audit;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rate-limited SLF4J warnings for dropped entries and an unreachable service: at most one of each per interval. */
final class DropWarning {
    private static final Logger log = LoggerFactory.getLogger(AuditLogger.class);

    private final long intervalNanos;
    private final AtomicLong dropped;
    private final AtomicLong lastDropWarn;
    private final AtomicLong lastDownWarn;
    private final AtomicLong droppedAtLastWarn = new AtomicLong();

    DropWarning(long intervalNanos, AtomicLong dropped) {
        this.intervalNanos = intervalNanos;
        this.dropped = dropped;
        long longAgo = System.nanoTime() - intervalNanos - 1;
        this.lastDropWarn = new AtomicLong(longAgo);
        this.lastDownWarn = new AtomicLong(longAgo);
    }

    /** Called on every drop; logs only when the interval has passed since the last warning. */
    void maybeWarn(String reason) {
        if (claim(lastDropWarn)) {
            flush(reason);
        }
    }

    /** Logs the drops not yet reported, whatever the interval. */
    void flush(String reason) {
        long total = dropped.get();
        long since = total - droppedAtLastWarn.getAndSet(total);
        if (since > 0) {
            log.warn("audit: dropped {} entries ({}); {} dropped in total", since, reason, total);
        }
    }

    /** Called on every failed send that will be retried. */
    void serviceDown(String reason) {
        if (claim(lastDownWarn)) {
            log.warn("audit: log service unavailable ({}); retrying with backoff", reason);
        }
    }

    private boolean claim(AtomicLong last) {
        long now = System.nanoTime();
        long prev = last.get();
        return now - prev >= intervalNanos && last.compareAndSet(prev, now);
    }
}
