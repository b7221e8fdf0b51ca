package dev.mvirt.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.proto.log.v1.LogEntry;
import dev.mvirt.proto.log.v1.LogRequest;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 the service while clients write batches: every acknowledged entry survives, and resends never duplicate. */
class CrashSafetyIT {
    private static final int CLIENTS = 4;
    private static final int BATCH = 200;

    @TempDir
    Path dir;

    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final List<List<LogEntry>> unacked = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private int unackedTotal;
    private @Nullable ServiceProcess running;

    @Test
    void acknowledgedEntriesSurviveKillNineAndResendsAreStoredOnce() throws Exception {
        Path socket = dir.resolve("log.sock");
        Path data = dir.resolve("data");
        Path out = dir.resolve("service.log");
        List<LogEntry> resentAcked = List.of();
        for (int round = 0; round < 2; round++) {
            ServiceProcess service = started(ServiceProcess.start(socket, data, out));
            ManagedChannel ch = GrpcChannels.open(new Endpoint.Unix(socket));
            unackedTotal += unacked.size();
            List<List<LogEntry>> toResend = new ArrayList<>(unacked);
            unacked.clear();
            toResend.add(resentAcked);
            resend(ch, toResend);
            int before = acked.size();
            List<Thread> clients = new ArrayList<>();
            List<List<LogEntry>> firstAcked = new CopyOnWriteArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(Thread.ofPlatform().start(() -> writeUntilFailure(ch, firstAcked)));
            }
            // let batches flow, then kill in the middle of them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked.size() < before + 20 * BATCH && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            service.kill9();
            for (Thread t : clients) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            ch.shutdownNow();
            resentAcked = firstAcked.getFirst();
        }
        ServiceProcess last = started(ServiceProcess.start(socket, data, out));
        ManagedChannel ch = GrpcChannels.open(new Endpoint.Unix(socket));
        unackedTotal += unacked.size();
        List<List<LogEntry>> toResend = new ArrayList<>(unacked);
        toResend.add(resentAcked);
        resend(ch, toResend);
        ch.shutdownNow();
        last.close();

        assertThat(unackedTotal).isPositive(); // the kills did land in the middle of batches
        Stored stored = readBack(data.resolve("log.db"));
        System.out.printf(
                "crash safety: %d acknowledged, %d stored, %d batches in flight at the kills%n",
                acked.size(), stored.rows(), unackedTotal);
        assertThat(stored.ids()).containsAll(acked);
        assertThat(stored.rows()).isEqualTo(stored.ids().size());
        // every batch was either acknowledged or resent until it was
        assertThat(stored.rows()).isEqualTo(acked.size());
        assertThat(stored.objectLinks()).isEqualTo(stored.rows());
    }

    private ServiceProcess started(ServiceProcess p) {
        running = p;
        return p;
    }

    @AfterEach
    void killLeftover() throws InterruptedException {
        if (running != null) {
            running.kill9();
        }
    }

    private void writeUntilFailure(ManagedChannel ch, List<List<LogEntry>> firstAcked) {
        LogServiceGrpc.LogServiceBlockingStub stub = LogServiceGrpc.newBlockingStub(ch);
        while (true) {
            List<LogEntry> batch = batch();
            try {
                stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                        .log(LogRequest.newBuilder().addAllEntries(batch).build());
                batch.forEach(e -> acked.add(e.getEntryId()));
                if (firstAcked.isEmpty()) {
                    firstAcked.add(batch);
                }
            } catch (StatusRuntimeException e) {
                unacked.add(batch);
                return;
            }
        }
    }

    /** What a client does after a crash: resend what was not acknowledged. */
    private void resend(ManagedChannel ch, List<List<LogEntry>> batches) {
        LogServiceGrpc.LogServiceBlockingStub stub = LogServiceGrpc.newBlockingStub(ch);
        for (List<LogEntry> b : batches) {
            if (!b.isEmpty()) {
                stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                        .log(LogRequest.newBuilder().addAllEntries(b).build());
                b.forEach(e -> acked.add(e.getEntryId()));
            }
        }
    }

    private List<LogEntry> batch() {
        List<LogEntry> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int n = counter.incrementAndGet();
            batch.add(LogServiceIT.entry("entry " + n, "obj-" + (n % 97)).toBuilder()
                    .setEntryId("e-" + n)
                    .build());
        }
        return batch;
    }

    private record Stored(Set<String> ids, long rows, long objectLinks) {}

    private static Stored readBack(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT entry_id FROM logs")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return new Stored(ids, count(s, "SELECT count(*) FROM logs"), count(s, "SELECT count(*) FROM log_objects"));
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
