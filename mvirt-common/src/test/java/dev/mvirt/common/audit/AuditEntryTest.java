package dev.mvirt.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void builderFillsIdAndTimeAndKeepsEverythingElse() {
        Instant now = Instant.parse("2026-01-02T03:04:05.123456789Z");
        AuditEntry e = AuditEntry.audit("api", "CreateVm applied")
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .actor("alice")
                .object("vm-1")
                .object("node-2")
                .field("outcome", "ok")
                .build();
        assertThat(e.id()).hasSize(36);
        assertThat(e.timestamp()).isEqualTo(now);
        assertThat(e.level()).isEqualTo(AuditLevel.AUDIT);
        assertThat(e.objectIds()).containsExactly("vm-1", "node-2");
        assertThat(e.fields()).containsEntry("outcome", "ok");
        assertThat(AuditEntry.audit("api", "x").build().id()).isNotEqualTo(e.id());
    }

    @Test
    void rejectsBadFieldsNamingThem() {
        assertThatThrownBy(() -> AuditEntry.audit(" ", "m").build()).hasMessageStartingWith("component");
        assertThatThrownBy(() -> AuditEntry.audit("api", "m").object("").build())
                .hasMessageStartingWith("objectIds");
        assertThatThrownBy(() -> AuditEntry.audit("api", "x".repeat(AuditEntry.MAX_MESSAGE + 1))
                        .build())
                .hasMessageStartingWith("message");
    }

    @Test
    void fakeSinkKeepsEntriesAndNoopDiscards() {
        FakeAuditSink sink = new FakeAuditSink();
        AuditEntry e = AuditEntry.audit("api", "m").build();
        sink.record(e);
        AuditSink.noop().record(e);
        assertThat(sink.entries()).containsExactly(e);
    }
}
