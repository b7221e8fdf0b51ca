package dev.mvirt.api.rest;

import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.AuditReader;
import dev.mvirt.common.audit.GrpcAuditReader;
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
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An in-process stand-in for mvirt-log's Query (same paging contract: newest first or oldest first, exclusive
 * cursor "c1.SEQ", object/actor/time filters), holding entries in memory; {@link #down()} makes it answer
 * UNAVAILABLE.
 */
final class FakeLogService extends LogServiceGrpc.LogServiceImplBase implements AutoCloseable {
    private final List<LogRecord> records = new ArrayList<>();
    private final Server server;
    private final ManagedChannel channel;
    private volatile boolean down;

    FakeLogService() {
        String name = "log-" + UUID.randomUUID();
        try {
            server = InProcessServerBuilder.forName(name)
                    .addService(this)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = InProcessChannelBuilder.forName(name).build();
    }

    /** A reader over this service. */
    AuditReader reader() {
        return GrpcAuditReader.over(channel, Duration.ofSeconds(5));
    }

    synchronized void add(AuditEntry e) {
        Instant t = e.timestamp();
        records.add(LogRecord.newBuilder()
                .setSeq(records.size() + 1L)
                .setEntry(LogEntry.newBuilder()
                        .setEntryId(e.id())
                        .setTimestampNs(t.getEpochSecond() * 1_000_000_000L + t.getNano())
                        .setComponent(e.component())
                        .setActor(e.actor())
                        .setMessage(e.message())
                        .addAllObjectIds(e.objectIds())
                        .putAllFields(e.fields()))
                .build());
    }

    void down() {
        down = true;
    }

    @Override
    public synchronized void query(QueryRequest q, StreamObserver<QueryResponse> out) {
        if (down) {
            out.onError(Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException());
            return;
        }
        long after = q.getCursor().isEmpty() ? -1 : Long.parseLong(q.getCursor().substring(3));
        List<LogRecord> ordered = new ArrayList<>(q.getNewestFirst() ? records.reversed() : records);
        List<LogRecord> page = new ArrayList<>();
        boolean more = false;
        for (LogRecord r : ordered) {
            boolean past = after < 0 || (q.getNewestFirst() ? r.getSeq() < after : r.getSeq() > after);
            if (past && matches(q, r.getEntry())) {
                if (page.size() == (q.getLimit() == 0 ? 100 : q.getLimit())) {
                    more = true;
                    break;
                }
                page.add(r);
            }
        }
        out.onNext(QueryResponse.newBuilder()
                .addAllRecords(page)
                .setNextCursor(more ? "c1." + page.getLast().getSeq() : "")
                .build());
        out.onCompleted();
    }

    private static boolean matches(QueryRequest q, LogEntry e) {
        return (q.getObjectId().isEmpty() || e.getObjectIdsList().contains(q.getObjectId()))
                && (q.getActor().isEmpty() || q.getActor().equals(e.getActor()))
                && (q.getSinceNs() == 0 || e.getTimestampNs() >= q.getSinceNs())
                && (q.getUntilNs() == 0 || e.getTimestampNs() < q.getUntilNs());
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
