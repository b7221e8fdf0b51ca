package dev.mvirt.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditLoggerTest {

    private static AuditLogger.Options options(int capacity, int maxBatch) {
        return new AuditLogger.Options(
                capacity,
                maxBatch,
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    private static AuditEntry entry(int i) {
        return AuditEntry.audit("test", "entry " + i)
                .actor("alice")
                .object("vm-" + i)
                .build();
    }

    @Test
    void deliversEverythingInBatchesInOrder() {
        ScriptedTransport transport = new ScriptedTransport();
        try (AuditLogger logger = new AuditLogger(transport, options(1000, 50))) {
            List<AuditEntry> sent =
                    IntStream.range(0, 500).mapToObj(AuditLoggerTest::entry).toList();
            sent.forEach(logger::record);
            assertThat(logger.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(transport.accepted()).containsExactlyElementsOf(sent);
            assertThat(transport.batchSizes()).allMatch(n -> n <= 50);
            assertThat(logger.stats().delivered()).isEqualTo(500);
            assertThat(logger.droppedCount()).isZero();
        }
    }

    @Test
    void callerNeverBlocksWhileServiceIsDownAndEntriesArriveWhenItReturns() {
        ScriptedTransport transport = new ScriptedTransport();
        transport.down(true);
        try (AuditLogger logger = new AuditLogger(transport, options(10_000, 100))) {
            List<AuditEntry> sent =
                    IntStream.range(0, 5000).mapToObj(AuditLoggerTest::entry).toList();
            long worst = 0;
            for (AuditEntry e : sent) {
                long t0 = System.nanoTime();
                logger.record(e);
                worst = Math.max(worst, System.nanoTime() - t0);
            }
            // generous for a loaded CI box: blocking would mean waiting for the backoff or a deadline
            assertThat(Duration.ofNanos(worst)).isLessThan(Duration.ofMillis(200));
            assertThat(logger.flush(Duration.ofMillis(100))).isFalse();
            assertThat(transport.attempts()).isGreaterThan(1);

            transport.down(false);
            assertThat(logger.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(transport.accepted()).containsExactlyElementsOf(sent);
            assertThat(new HashSet<>(transport.accepted())).hasSize(sent.size());
            assertThat(logger.droppedCount()).isZero();
        }
    }

    @Test
    void dropsAndCountsPastTheBound() {
        ScriptedTransport transport = new ScriptedTransport();
        transport.down(true);
        try (AuditLogger logger = new AuditLogger(transport, options(10, 5))) {
            IntStream.range(0, 100).mapToObj(AuditLoggerTest::entry).forEach(logger::record);
            // at most the queue plus one batch in flight survive
            assertThat(logger.droppedCount()).isGreaterThanOrEqualTo(100 - 10 - 5);
            transport.down(false);
            assertThat(logger.flush(Duration.ofSeconds(10))).isTrue();
            AuditLogger.Stats stats = logger.stats();
            assertThat(stats.delivered() + stats.dropped()).isEqualTo(100);
            assertThat(transport.accepted()).hasSize((int) stats.delivered());
        }
    }

    @Test
    void closeFlushesQueuedEntriesAndClosesTheTransport() {
        ScriptedTransport transport = new ScriptedTransport();
        AuditLogger logger = new AuditLogger(transport, options(1000, 7));
        IntStream.range(0, 300).mapToObj(AuditLoggerTest::entry).forEach(logger::record);
        logger.close();
        assertThat(transport.accepted()).hasSize(300);
        assertThat(transport.closed()).isTrue();
        logger.record(entry(1));
        assertThat(logger.droppedCount()).isEqualTo(1);
    }

    @Test
    void closeWithServiceDownGivesUpAfterTheTimeoutAndCountsTheRest() {
        ScriptedTransport transport = new ScriptedTransport();
        transport.down(true);
        AuditLogger logger = new AuditLogger(transport, options(1000, 10));
        IntStream.range(0, 50).mapToObj(AuditLoggerTest::entry).forEach(logger::record);
        long t0 = System.nanoTime();
        logger.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(logger.droppedCount()).isEqualTo(50);
        assertThat(transport.closed()).isTrue();
    }

    @Test
    void rejectedBatchesAreDroppedNotRetried() {
        ScriptedTransport transport = new ScriptedTransport();
        transport.rejecting(true);
        try (AuditLogger logger = new AuditLogger(transport, options(100, 100))) {
            logger.record(entry(1));
            assertThat(logger.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(logger.droppedCount()).isEqualTo(1);
            assertThat(transport.attempts()).isEqualTo(1);
        }
    }
}
