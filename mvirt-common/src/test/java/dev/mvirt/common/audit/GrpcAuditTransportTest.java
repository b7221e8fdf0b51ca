package dev.mvirt.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.common.audit.AuditTransport.AuditTransportException;
import dev.mvirt.proto.log.v1.Level;
import dev.mvirt.proto.log.v1.LogEntry;
import dev.mvirt.proto.log.v1.LogRequest;
import dev.mvirt.proto.log.v1.LogResponse;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrpcAuditTransportTest {
    private final List<LogEntry> received = new CopyOnWriteArrayList<>();
    private volatile Status answer = Status.OK;
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws IOException {
        String name = "audit-" + UUID.randomUUID();
        server = InProcessServerBuilder.forName(name)
                .addService(new LogServiceGrpc.LogServiceImplBase() {
                    @Override
                    public void log(LogRequest request, StreamObserver<LogResponse> out) {
                        if (!answer.isOk()) {
                            out.onError(answer.asRuntimeException());
                            return;
                        }
                        received.addAll(request.getEntriesList());
                        out.onNext(LogResponse.newBuilder()
                                .setStored(request.getEntriesCount())
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
    void mapsEveryFieldOntoTheWire() {
        AuditEntry e = AuditEntry.builder(AuditLevel.WARN, "vmm", "VM started")
                .timestamp(Instant.ofEpochSecond(1_700_000_000L, 42))
                .actor("node-1")
                .object("vm-1")
                .field("pid", "123")
                .build();
        GrpcAuditTransport.over(channel, Duration.ofSeconds(5)).send(List.of(e));
        assertThat(received).hasSize(1);
        LogEntry wire = received.getFirst();
        assertThat(wire.getEntryId()).isEqualTo(e.id());
        assertThat(wire.getTimestampNs()).isEqualTo(1_700_000_000_000_000_042L);
        assertThat(wire.getLevel()).isEqualTo(Level.LEVEL_WARN);
        assertThat(wire.getComponent()).isEqualTo("vmm");
        assertThat(wire.getActor()).isEqualTo("node-1");
        assertThat(wire.getObjectIdsList()).containsExactly("vm-1");
        assertThat(wire.getFieldsMap()).containsEntry("pid", "123");
    }

    @Test
    void unavailableIsRetryableInvalidArgumentIsNot() {
        GrpcAuditTransport transport = GrpcAuditTransport.over(channel, Duration.ofSeconds(5));
        List<AuditEntry> batch = List.of(AuditEntry.audit("api", "m").build());
        answer = Status.UNAVAILABLE;
        assertThatThrownBy(() -> transport.send(batch))
                .isInstanceOfSatisfying(
                        AuditTransportException.class,
                        e -> assertThat(e.retryable()).isTrue());
        answer = Status.INVALID_ARGUMENT;
        assertThatThrownBy(() -> transport.send(batch))
                .isInstanceOfSatisfying(
                        AuditTransportException.class,
                        e -> assertThat(e.retryable()).isFalse());
    }
}
