package dev.mvirt.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.AuditLogger;
import dev.mvirt.common.audit.AuditPage;
import dev.mvirt.common.audit.AuditQuery;
import dev.mvirt.common.audit.AuditReadException;
import dev.mvirt.common.audit.AuditRecord;
import dev.mvirt.common.audit.GrpcAuditReader;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.log.service.RetentionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mvirt-common GrpcAuditReader (what GET /api/v1/audit uses) against the real service. */
class AuditReaderIT {
    @TempDir
    Path dir;

    @Test
    void pagesNewestFirstFiltersByObjectAndKeepsEveryField() {
        Endpoint.Unix socket = new Endpoint.Unix(dir.resolve("log.sock"));
        try (LogServer server = new LogServer(dir.resolve("data"), List.of(socket), RetentionPolicy.none());
                AuditLogger audit = AuditLogger.connect(socket);
                GrpcAuditReader reader = GrpcAuditReader.connect(socket, Duration.ofSeconds(5))) {
            for (int i = 1; i <= 5; i++) {
                audit.record(AuditEntry.audit("api", "step " + i)
                        .timestamp(Instant.parse("2026-01-02T10:00:00Z").plusSeconds(i))
                        .actor(i == 3 ? "node:n1" : "admin")
                        .object(i % 2 == 0 ? "vm-2" : "vm-1")
                        .field("kind", "vm")
                        .build());
            }
            assertThat(audit.flush(Duration.ofSeconds(30))).isTrue();

            AuditQuery q = AuditQuery.newest().withLimit(2);
            AuditPage p1 = reader.query(q);
            assertThat(messages(p1)).containsExactly("step 5", "step 4");
            AuditPage p2 = reader.query(q.from(p1.nextCursor()));
            assertThat(messages(p2)).containsExactly("step 3", "step 2");
            AuditPage p3 = reader.query(q.from(p2.nextCursor()));
            assertThat(messages(p3)).containsExactly("step 1");
            assertThat(p3.nextCursor()).isEmpty();

            AuditPage vm1 = reader.query(new AuditQuery("vm-1", "", 0, 0, 100, "", false));
            assertThat(messages(vm1)).containsExactly("step 1", "step 3", "step 5");
            AuditRecord third = vm1.records().get(1);
            assertThat(third.entry().actor()).isEqualTo("node:n1");
            assertThat(third.entry().timestamp()).isEqualTo(Instant.parse("2026-01-02T10:00:03Z"));
            assertThat(third.entry().fields()).containsEntry("kind", "vm");

            assertThatThrownBy(() -> reader.query(q.from("bogus")))
                    .isInstanceOfSatisfying(
                            AuditReadException.class,
                            e -> assertThat(e.reason()).isEqualTo(AuditReadException.Reason.INVALID));
        }
    }

    @Test
    void aServiceThatIsDownIsUnavailable() {
        try (GrpcAuditReader reader =
                GrpcAuditReader.connect(new Endpoint.Unix(dir.resolve("none.sock")), Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> reader.query(AuditQuery.newest()))
                    .isInstanceOfSatisfying(
                            AuditReadException.class,
                            e -> assertThat(e.reason()).isEqualTo(AuditReadException.Reason.UNAVAILABLE));
        }
    }

    private static List<String> messages(AuditPage page) {
        return page.records().stream().map(r -> r.entry().message()).toList();
    }
}
