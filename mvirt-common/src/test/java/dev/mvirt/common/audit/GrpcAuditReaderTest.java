package dev.mvirt.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.proto.log.v1.Level;
import dev.mvirt.proto.log.v1.LogEntry;
import dev.mvirt.proto.log.v1.LogRecord;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import dev.mvirt.proto.log.v1.QueryRequest;
import dev.mvirt.proto.log.v1.QueryResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrpcAuditReaderTest {
    private final AtomicReference<QueryRequest> asked = new AtomicReference<>(QueryRequest.getDefaultInstance());
    private volatile Status answer = Status.OK;
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws IOException {
        String name = "audit-read-" + UUID.randomUUID();
        server = InProcessServerBuilder.forName(name)
                .addService(new LogServiceGrpc.LogServiceImplBase() {
                    @Override
                    public void query(QueryRequest request, StreamObserver<QueryResponse> out) {
                        asked.set(request);
                        if (!answer.isOk()) {
                            out.onError(answer.asRuntimeException());
                            return;
                        }
                        out.onNext(QueryResponse.newBuilder()
                                .addRecords(LogRecord.newBuilder()
                                        .setSeq(7)
                                        .setEntry(LogEntry.newBuilder()
                                                .setEntryId("api-7")
                                                .setTimestampNs(1_700_000_000_000_000_042L)
                                                .setLevel(Level.LEVEL_AUDIT)
                                                .setComponent("api")
                                                .setActor("admin")
                                                .setMessage("Create vm demo")
                                                .addObjectIds("vm-1")
                                                .putFields("kind", "vm")))
                                .setNextCursor("c1.7")
                                .build());
                        out.onCompleted();
                    }
                })
                .build()
                .start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void sendsTheFilterAndMapsRecordsBack() {
        AuditQuery q = new AuditQuery("vm-1", "admin", 5, 9, 50, "c1.2", true);
        AuditPage page = GrpcAuditReader.over(channel, Duration.ofSeconds(5)).query(q);
        QueryRequest r = asked.get();
        assertThat(r.getObjectId()).isEqualTo("vm-1");
        assertThat(r.getActor()).isEqualTo("admin");
        assertThat(r.getSinceNs()).isEqualTo(5);
        assertThat(r.getUntilNs()).isEqualTo(9);
        assertThat(r.getLimit()).isEqualTo(50);
        assertThat(r.getCursor()).isEqualTo("c1.2");
        assertThat(r.getNewestFirst()).isTrue();
        assertThat(r.getFollow()).isFalse();
        assertThat(page.nextCursor()).isEqualTo("c1.7");
        AuditRecord rec = page.records().getFirst();
        assertThat(rec.seq()).isEqualTo(7);
        assertThat(rec.entry().timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 42));
        assertThat(rec.entry().level()).isEqualTo(AuditLevel.AUDIT);
        assertThat(rec.entry().actor()).isEqualTo("admin");
        assertThat(rec.entry().objectIds()).containsExactly("vm-1");
        assertThat(rec.entry().fields()).containsEntry("kind", "vm");
    }

    @Test
    void mapsFailuresToReasons() {
        GrpcAuditReader reader = GrpcAuditReader.over(channel, Duration.ofSeconds(5));
        answer = Status.INVALID_ARGUMENT.withDescription("cursor: not a cursor");
        assertThatThrownBy(() -> reader.query(AuditQuery.newest()))
                .isInstanceOfSatisfying(
                        AuditReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuditReadException.Reason.INVALID))
                .hasMessageContaining("cursor");
        answer = Status.UNAVAILABLE;
        assertThatThrownBy(() -> reader.query(AuditQuery.newest()))
                .isInstanceOfSatisfying(
                        AuditReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(AuditReadException.Reason.UNAVAILABLE));
    }

    @Test
    void anUnconfiguredReaderSaysWhy() {
        assertThatThrownBy(() ->
                        AuditReader.unconfigured("started without --audit").query(AuditQuery.newest()))
                .isInstanceOf(AuditReadException.class)
                .hasMessage("started without --audit");
    }

    @Test
    void refusesABadLimit() {
        assertThatThrownBy(() -> AuditQuery.newest().withLimit(1001)).hasMessageStartingWith("limit:");
    }
}
