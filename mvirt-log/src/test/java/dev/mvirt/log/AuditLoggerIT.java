package dev.mvirt.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.AuditLogger;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.service.RetentionPolicy;
import dev.mvirt.log.store.SqliteLogStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mvirt-common AuditLogger against the real service, which is down at first. */
class AuditLoggerIT {
    @TempDir
    Path dir;

    private static AuditLogger.Options options(int capacity, int batch) {
        return new AuditLogger.Options(
                capacity,
                batch,
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    private static AuditEntry entry(int i) {
        return AuditEntry.audit("api", "CreateVm " + i)
                .actor("alice")
                .object("vm-" + i)
                .field("outcome", "ok")
                .build();
    }

    @Test
    void callerNeverBlocksWhileTheServiceIsDownAndEverythingArrivesOnceWhenItStarts() {
        Endpoint.Unix socket = new Endpoint.Unix(dir.resolve("log.sock"));
        try (AuditLogger audit = AuditLogger.connect(socket, options(10_000, 100))) {
            long worst = 0;
            for (int i = 0; i < 2000; i++) {
                long t0 = System.nanoTime();
                audit.record(entry(i));
                worst = Math.max(worst, System.nanoTime() - t0);
            }
            assertThat(Duration.ofNanos(worst)).isLessThan(Duration.ofMillis(100));
            assertThat(audit.flush(Duration.ofMillis(300))).isFalse();
            assertThat(audit.stats().failedSends()).isPositive();

            try (LogServer server = new LogServer(dir.resolve("data"), List.of(socket), RetentionPolicy.none())) {
                assertThat(audit.flush(Duration.ofSeconds(30))).isTrue();
                assertThat(audit.droppedCount()).isZero();
            }
        }
        assertThat(storedMessages()).hasSize(2000);
    }

    @Test
    void pastTheBoundEntriesAreDroppedAndCountedTheRestDelivered() {
        Endpoint.Unix socket = new Endpoint.Unix(dir.resolve("log.sock"));
        long delivered;
        try (AuditLogger audit = AuditLogger.connect(socket, options(100, 50))) {
            for (int i = 0; i < 1000; i++) {
                audit.record(entry(i));
            }
            assertThat(audit.droppedCount()).isGreaterThanOrEqualTo(1000 - 100 - 50);
            try (LogServer server = new LogServer(dir.resolve("data"), List.of(socket), RetentionPolicy.none())) {
                assertThat(audit.flush(Duration.ofSeconds(30))).isTrue();
            }
            AuditLogger.Stats stats = audit.stats();
            assertThat(stats.delivered() + stats.dropped()).isEqualTo(1000);
            delivered = stats.delivered();
        }
        assertThat(storedMessages()).hasSize((int) delivered);
    }

    private Set<String> storedMessages() {
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("data/log.db"), 1)) {
            Set<String> messages = new HashSet<>();
            LogQuery q = LogQuery.all().withLimit(LogQuery.MAX_LIMIT);
            var page = store.query(q);
            while (true) {
                page.entries().forEach(e -> messages.add(e.entry().message()));
                if (!page.more()) {
                    return messages;
                }
                q = q.withAfter(page.next(q.after()));
                page = store.query(q);
            }
        }
    }
}
