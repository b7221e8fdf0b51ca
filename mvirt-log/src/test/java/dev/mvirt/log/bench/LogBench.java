package dev.mvirt.log.bench;

import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.AuditLogger;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.log.LogServer;
import dev.mvirt.log.model.Cursor;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.service.LogWriter;
import dev.mvirt.log.service.RetentionPolicy;
import dev.mvirt.log.store.SqliteLogStore;
import dev.mvirt.proto.log.v1.LogRequest;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import dev.mvirt.proto.log.v1.QueryRequest;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The mvirt-log benchmark, each figure beside the sqlite3 CLI doing the same work on the same machine in the same
 * run. Not a test: run {@code bench/log.sh}. Figures: batched ingest with full sync, p99 of a query by object id
 * at 1,000,000 rows, and the latency {@code AuditLogger.record} adds to its caller.
 */
public final class LogBench {
    private static final int CLIENTS = 4;
    private static final int CLIENT_BATCH = 500;

    private LogBench() {}

    public static void main(String[] args) throws Exception {
        int ingest = Integer.getInteger("bench.ingest", 200_000);
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        Path dir = Files.createTempDirectory("mvirt-log-bench");
        System.out.printf(
                "mvirt-log benchmark; peer: sqlite3 %s; %d cores; dir %s%n",
                SqliteCli.version(), Runtime.getRuntime().availableProcessors(), dir);
        try {
            ingest(dir.resolve("ingest"), ingest);
            query(dir.resolve("query"), rows);
            record(dir.resolve("record"));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void ingest(Path dir, int n) throws Exception {
        System.out.printf("%n== ingest, synchronous=FULL, %d entries (2 object links each) ==%n", n);
        BenchData data = new BenchData("in", 10_000);
        double txn;
        double writerRate;
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("writer.db"), 1);
                LogWriter writer =
                        new LogWriter(store, LogWriter.Options.defaults(RetentionPolicy.none()), Clock.systemUTC())) {
            long t0 = System.nanoTime();
            runClients(n, (from, size) -> writer.submit(data.batch(from, size)).join());
            writerRate = n / seconds(t0);
            txn = (double) n / writer.stats().transactions();
        }
        System.out.printf(
                "mvirt LogWriter (%d clients x %d-entry requests): %,.0f entries/s, %.0f entries/txn%n",
                CLIENTS, CLIENT_BATCH, writerRate, txn);

        BenchData grpcData = new BenchData("grpc", 10_000);
        Endpoint socket = new Endpoint.Unix(dir.resolve("log.sock"));
        double grpcRate;
        try (LogServer server = new LogServer(dir.resolve("grpc"), List.of(socket), RetentionPolicy.none())) {
            ManagedChannel ch = GrpcChannels.open(socket);
            var stub = LogServiceGrpc.newBlockingStub(ch);
            long t0 = System.nanoTime();
            runClients(
                    n,
                    (from, size) -> stub.log(LogRequest.newBuilder()
                            .addAllEntries(grpcData.batch(from, size).stream()
                                    .map(LogBench::toProto)
                                    .toList())
                            .build()));
            grpcRate = n / seconds(t0);
            ch.shutdownNow();
        }
        System.out.printf("mvirt gRPC Log over unix socket (same clients):    %,.0f entries/s%n", grpcRate);

        int perTxn = (int) Math.max(1, Math.round(txn));
        StringBuilder sql = new StringBuilder(header());
        for (long i = 0; i < n; i += perTxn) {
            sql.append("BEGIN;\n");
            for (long j = i; j < Math.min(n, i + perTxn); j++) {
                sql.append(data.sql(j));
            }
            sql.append("COMMIT;\n");
        }
        Path script = dir.resolve("ingest.sql");
        SqliteCli.write(script, sql.toString());
        double cliRate = n / SqliteCli.script(dir.resolve("cli.db"), script).wallSeconds();
        System.out.printf("sqlite3 CLI, same schema/PRAGMAs, %d-entry txns:   %,.0f entries/s%n", perTxn, cliRate);
        System.out.printf(
                "ratio mvirt writer / sqlite3 = %.2f; gRPC / sqlite3 = %.2f (target >= 50,000/s)%n",
                writerRate / cliRate, grpcRate / cliRate);
    }

    private interface BatchCall {
        void send(long from, int size) throws Exception;
    }

    private static void runClients(int n, BatchCall call) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        Thread[] threads = new Thread[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            threads[c] = Thread.ofPlatform().start(() -> {
                long from;
                while ((from = next.getAndAdd(CLIENT_BATCH)) < n) {
                    try {
                        call.send(from, (int) Math.min(CLIENT_BATCH, n - from));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void query(Path dir, int rows) throws Exception {
        System.out.printf("%n== query by object id at %,d rows (10,000 VMs x 100 entries; page of 100) ==%n", rows);
        BenchData data = new BenchData("q", 10_000);
        try (SqliteLogStore store = SqliteLogStore.open(dir.resolve("log.db"), 1)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < rows; i += 10_000) {
                store.append(List.of(data.batch(i, Math.min(10_000, rows - i))));
            }
            System.out.printf(
                    "populated in %.1f s (%,.0f entries/s in 10,000-entry txns)%n", seconds(t0), rows / seconds(t0));
            Histogram h = new Histogram(3);
            Random random = new Random(42);
            for (int i = 0; i < 3000; i++) {
                LogQuery q = new LogQuery(
                        data.vm(random.nextInt(rows)), "", "", Set.of(), 0, 0, "", 100, new Cursor(0), false);
                long q0 = System.nanoTime();
                int size = store.query(q).entries().size();
                if (i >= 1000) {
                    h.recordValue((System.nanoTime() - q0) / 1000);
                }
                if (size == 0) {
                    throw new IllegalStateException("empty result");
                }
            }
            System.out.printf("mvirt SqliteLogStore.query:   p50 %.3f ms  p99 %.3f ms%n", ms(h, 50), ms(h, 99));
        }
        Endpoint socket = new Endpoint.Unix(dir.resolve("log.sock"));
        try (LogServer server = new LogServer(dir, List.of(socket), RetentionPolicy.none())) {
            ManagedChannel ch = GrpcChannels.open(socket);
            var stub = LogServiceGrpc.newBlockingStub(ch);
            Histogram h = new Histogram(3);
            Random random = new Random(7);
            for (int i = 0; i < 3000; i++) {
                long q0 = System.nanoTime();
                stub.query(QueryRequest.newBuilder()
                                .setObjectId(data.vm(random.nextInt(rows)))
                                .build())
                        .forEachRemaining(r -> {});
                if (i >= 1000) {
                    h.recordValue((System.nanoTime() - q0) / 1000);
                }
            }
            ch.shutdownNow();
            System.out.printf(
                    "mvirt gRPC Query (unix sock): p50 %.3f ms  p99 %.3f ms  (target p99 <= 5 ms)%n",
                    ms(h, 50), ms(h, 99));
        }
        cliQuery(dir, data, rows);
    }

    private static void cliQuery(Path dir, BenchData data, int rows) {
        StringBuilder sql = new StringBuilder(".output /dev/null\n.timer on\n");
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            // the statement SqliteLogStore runs for an object query (QuerySql), with literals
            sql.append("SELECT l.id, l.entry_id, l.ts_ns, l.level, l.component, l.actor, l.message, l.fields,"
                            + " (SELECT json_group_array(object_id) FROM log_objects x WHERE x.log_id = l.id)"
                            + " FROM log_objects o JOIN logs l ON l.id = o.log_id WHERE o.object_id = '")
                    .append(data.vm(random.nextInt(rows)))
                    .append("' AND o.log_id > 0 ORDER BY o.log_id ASC LIMIT 101;\n");
        }
        Path script = dir.resolve("query.sql");
        SqliteCli.write(script, sql.toString());
        SqliteCli.Run run = SqliteCli.script(dir.resolve("log.db"), script);
        System.out.printf(
                "sqlite3 CLI same SELECT:      mean %.3f ms (wall/2000 incl. start)  p99 real %.3f ms"
                        + " (1 ms resolution)  p99 cpu %.3f ms%n",
                run.wallSeconds() * 1000 / 2000, p99(run.real()) * 1000, p99(run.cpu()) * 1000);
    }

    private static void record(Path dir) throws Exception {
        System.out.printf("%n== latency a logged call adds: AuditLogger.record vs a synchronous durable write ==%n");
        Endpoint socket = new Endpoint.Unix(dir.resolve("log.sock"));
        try (LogServer server = new LogServer(dir, List.of(socket), RetentionPolicy.none())) {
            Histogram record = new Histogram(3);
            Histogram buildAndRecord = new Histogram(3);
            long dropped;
            try (AuditLogger audit = AuditLogger.connect(socket)) {
                for (int i = 0; i < 100_000; i++) {
                    long t0 = System.nanoTime();
                    AuditEntry e = AuditEntry.audit("api", "UpdateVm applied")
                            .actor("alice")
                            .object("vm-" + (i % 1000))
                            .field("outcome", "ok")
                            .build();
                    long t1 = System.nanoTime();
                    audit.record(e);
                    long t2 = System.nanoTime();
                    if (i >= 20_000) {
                        record.recordValue(t2 - t1);
                        buildAndRecord.recordValue(t2 - t0);
                    }
                    if (i % 200 == 199) {
                        Thread.sleep(10); // about 20,000 calls/s, a busy API server
                    }
                }
                audit.flush(Duration.ofSeconds(30));
                dropped = audit.droppedCount();
            }
            System.out.printf(
                    "mvirt AuditLogger.record:           p50 %.4f ms  p99 %.4f ms  max %.3f ms  dropped %d%n",
                    record.getValueAtPercentile(50) / 1e6,
                    record.getValueAtPercentile(99) / 1e6,
                    record.getMaxValue() / 1e6,
                    dropped);
            System.out.printf(
                    "mvirt build AuditEntry + record:    p50 %.4f ms  p99 %.4f ms  (target p99 <= 1 ms)%n",
                    buildAndRecord.getValueAtPercentile(50) / 1e6, buildAndRecord.getValueAtPercentile(99) / 1e6);
            syncPeers(dir, socket, buildAndRecord.getValueAtPercentile(99) / 1e6);
        }
    }

    private static void syncPeers(Path dir, Endpoint socket, double recordP99Ms) {
        ManagedChannel ch = GrpcChannels.open(socket);
        var stub = LogServiceGrpc.newBlockingStub(ch);
        BenchData data = new BenchData("sync", 1000);
        Histogram h = new Histogram(3);
        for (int i = 0; i < 1200; i++) {
            long t0 = System.nanoTime();
            stub.log(LogRequest.newBuilder().addEntries(toProto(data.entry(i))).build());
            if (i >= 200) {
                h.recordValue((System.nanoTime() - t0) / 1000);
            }
        }
        ch.shutdownNow();
        StringBuilder sql = new StringBuilder(header()).append(".timer on\n");
        for (int i = 0; i < 1000; i++) {
            sql.append("BEGIN;\n").append(data.sql(i)).append("COMMIT;\n");
        }
        Path script = dir.resolve("sync.sql");
        SqliteCli.write(script, sql.toString());
        SqliteCli.Run run = SqliteCli.script(dir.resolve("cli.db"), script);
        // four timed statements (BEGIN, the insert, its object links, COMMIT) make one durable write
        List<Double> perEntry = new java.util.ArrayList<>();
        for (int i = 0; i + 3 < run.real().size(); i += 4) {
            perEntry.add(run.real().get(i)
                    + run.real().get(i + 1)
                    + run.real().get(i + 2)
                    + run.real().get(i + 3));
        }
        double cliP99 = p99(perEntry) * 1000;
        System.out.printf("synchronous gRPC Log of 1 entry:    p50 %.3f ms  p99 %.3f ms%n", ms(h, 50), ms(h, 99));
        System.out.printf(
                "sqlite3 CLI 1-entry transaction:    p99 real %.3f ms (1 ms resolution); mean %.3f ms%n",
                cliP99, run.wallSeconds() * 1000 / 1000);
        System.out.printf(
                "ratio record p99 / sync gRPC p99 = %.4f; / sqlite3 insert p99 = %.4f%n",
                recordP99Ms / ms(h, 99), recordP99Ms / Math.max(cliP99, 1));
    }

    private static String header() {
        StringBuilder b = new StringBuilder("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n");
        b.append("PRAGMA foreign_keys=ON;\nPRAGMA cache_size=-32768;\n");
        for (String s : SqliteLogStore.schema()) {
            b.append(s).append(";\n");
        }
        return b.toString();
    }

    static dev.mvirt.proto.log.v1.LogEntry toProto(dev.mvirt.log.model.Entry e) {
        return dev.mvirt.proto.log.v1.LogEntry.newBuilder()
                .setEntryId(e.entryId())
                .setTimestampNs(e.timestampNs())
                .setLevel(dev.mvirt.proto.log.v1.Level.LEVEL_AUDIT)
                .setComponent(e.component())
                .setActor(e.actor())
                .setMessage(e.message())
                .addAllObjectIds(e.objectIds())
                .putAllFields(e.fields())
                .build();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double ms(Histogram microsHistogram, double percentile) {
        return microsHistogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double p99(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
