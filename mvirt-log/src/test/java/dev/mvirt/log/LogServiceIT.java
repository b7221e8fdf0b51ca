package dev.mvirt.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.log.service.RetentionPolicy;
import dev.mvirt.proto.log.v1.Level;
import dev.mvirt.proto.log.v1.LogEntry;
import dev.mvirt.proto.log.v1.LogRecord;
import dev.mvirt.proto.log.v1.LogRequest;
import dev.mvirt.proto.log.v1.LogResponse;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import dev.mvirt.proto.log.v1.QueryRequest;
import dev.mvirt.proto.log.v1.QueryResponse;
import dev.mvirt.proto.v1.PingRequest;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real service on a unix socket, driven through its gRPC API. */
class LogServiceIT {
    @TempDir
    Path dir;

    private LogServer server;
    private ManagedChannel channel;
    private LogServiceGrpc.LogServiceBlockingStub stub;

    @BeforeEach
    void start() {
        Endpoint socket = new Endpoint.Unix(dir.resolve("log.sock"));
        server = new LogServer(dir.resolve("data"), List.of(socket), RetentionPolicy.none());
        channel = GrpcChannels.open(socket);
        stub = LogServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.close();
    }

    static LogEntry entry(String message, String... objects) {
        return LogEntry.newBuilder()
                .setEntryId(UUID.randomUUID().toString())
                .setLevel(Level.LEVEL_AUDIT)
                .setComponent("api")
                .setActor("alice")
                .setMessage(message)
                .addAllObjectIds(List.of(objects))
                .putFields("project", "default")
                .build();
    }

    private static List<String> messages(QueryResponse r) {
        return r.getRecordsList().stream().map(x -> x.getEntry().getMessage()).toList();
    }

    private QueryResponse query(QueryRequest r) {
        Iterator<QueryResponse> it = stub.query(r);
        QueryResponse first = it.next();
        assertThat(it.hasNext()).isFalse();
        return first;
    }

    @Test
    void logsABatchAndQueriesItBackByObjectWithPaging() {
        List<LogEntry> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(entry("m" + i, "vm-1", "node-" + (i % 2)));
        }
        LogResponse r = stub.log(LogRequest.newBuilder().addAllEntries(batch).build());
        assertThat(r.getStored()).isEqualTo(7);
        LogResponse again =
                stub.log(LogRequest.newBuilder().addAllEntries(batch).build());
        assertThat(again.getDuplicates()).isEqualTo(7);

        List<String> seen = new ArrayList<>();
        QueryRequest q =
                QueryRequest.newBuilder().setObjectId("vm-1").setLimit(3).build();
        QueryResponse page;
        do {
            page = query(q);
            seen.addAll(messages(page));
            q = q.toBuilder().setCursor(page.getNextCursor()).build();
        } while (!page.getNextCursor().isEmpty());
        assertThat(seen).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
        QueryResponse node1 =
                query(QueryRequest.newBuilder().setObjectId("node-1").build());
        assertThat(messages(node1)).containsExactly("m1", "m3", "m5");
        LogRecord rec = node1.getRecords(0);
        assertThat(rec.getEntry().getFieldsMap()).containsEntry("project", "default");
        assertThat(rec.getEntry().getTimestampNs()).isPositive();
    }

    @Test
    void aFollowStreamSeesEntriesWrittenAfterItStarted() {
        stub.log(LogRequest.newBuilder().addEntries(entry("before", "vm-9")).build());
        List<String> received = new CopyOnWriteArrayList<>();
        Context.CancellableContext ctx = Context.current().withCancellation();
        Thread reader = Thread.ofVirtual()
                .start(() -> ctx.run(() -> {
                    try {
                        stub.query(QueryRequest.newBuilder()
                                        .setObjectId("vm-9")
                                        .setFollow(true)
                                        .build())
                                .forEachRemaining(r -> received.addAll(messages(r)));
                    } catch (StatusRuntimeException e) {
                        // cancelled by the test
                    }
                }));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        stub.log(LogRequest.newBuilder()
                .addEntries(entry("after-1", "vm-9"))
                .addEntries(entry("unrelated", "vm-8"))
                .build());
        stub.log(LogRequest.newBuilder().addEntries(entry("after-2", "vm-9")).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        assertThat(received).containsExactly("before", "after-1", "after-2");
        ctx.cancel(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !reader.isAlive());
    }

    @Test
    void rejectsBadInputNamingTheField() {
        LogEntry bad = entry("m").toBuilder().setComponent("").build();
        assertThatThrownBy(
                        () -> stub.log(LogRequest.newBuilder().addEntries(bad).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).startsWith("entries[0].component");
                });
        assertThatThrownBy(() ->
                        query(QueryRequest.newBuilder().setCursor("garbage").build()))
                .hasMessageContaining("cursor");
        assertThat(stub.ping(PingRequest.getDefaultInstance()).getComponent()).isEqualTo("mvirt-log");
    }
}
