package dev.mvirt.log.grpc;

import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.InvalidInputException;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.model.Page;
import dev.mvirt.log.service.Follow;
import dev.mvirt.log.service.LogWriter;
import dev.mvirt.log.store.LogStore;
import dev.mvirt.proto.log.v1.LogEntry;
import dev.mvirt.proto.log.v1.LogRequest;
import dev.mvirt.proto.log.v1.LogResponse;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import dev.mvirt.proto.log.v1.QueryRequest;
import dev.mvirt.proto.log.v1.QueryResponse;
import dev.mvirt.proto.v1.PingRequest;
import dev.mvirt.proto.v1.PingResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The gRPC edge of mvirt-log: validates, maps, calls the writer or the store, maps the result back. */
public final class LogGrpcService extends LogServiceGrpc.LogServiceImplBase {
    /** Entries per Log call. */
    public static final int MAX_BATCH = 10_000;

    private final LogWriter writer;
    private final LogStore store;
    private final Clock clock;
    private final String version;

    public LogGrpcService(LogWriter writer, LogStore store, Clock clock, String version) {
        this.writer = writer;
        this.store = store;
        this.clock = clock;
        this.version = version;
    }

    @Override
    public void log(LogRequest request, StreamObserver<LogResponse> out) {
        try {
            writer.submit(entries(request)).whenComplete((r, err) -> {
                if (err != null) {
                    out.onError(GrpcErrors.toStatus(err));
                } else {
                    out.onNext(LogResponse.newBuilder()
                            .setStored(r.stored())
                            .setDuplicates(r.duplicates())
                            .build());
                    out.onCompleted();
                }
            });
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.toStatus(e));
        }
    }

    private List<Entry> entries(LogRequest request) {
        if (request.getEntriesCount() > MAX_BATCH) {
            throw new InvalidInputException("entries: more than " + MAX_BATCH + " in one request");
        }
        Instant now = clock.instant();
        long nowNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        List<Entry> entries = new ArrayList<>(request.getEntriesCount());
        for (int i = 0; i < request.getEntriesCount(); i++) {
            LogEntry e = request.getEntries(i);
            try {
                entries.add(ProtoCodec.entry(e, nowNs));
            } catch (InvalidInputException x) {
                throw new InvalidInputException("entries[" + i + "]." + x.getMessage());
            }
        }
        return entries;
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> out) {
        LogQuery query;
        try {
            query = ProtoCodec.query(request);
            if (!request.getFollow()) {
                Page page = store.query(query);
                out.onNext(ProtoCodec.page(page, page.next(query.after()), false));
                out.onCompleted();
                return;
            }
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.toStatus(e));
            return;
        }
        GrpcPageSink sink = new GrpcPageSink((ServerCallStreamObserver<QueryResponse>) out);
        Thread.ofVirtual().name("log-follow").start(() -> {
            try {
                new Follow(store, writer.commits()).run(query, sink);
                sink.complete();
            } catch (RuntimeException e) {
                sink.fail(GrpcErrors.toStatus(e));
            }
        });
    }

    @Override
    public void ping(PingRequest request, StreamObserver<PingResponse> out) {
        out.onNext(PingResponse.newBuilder()
                .setComponent("mvirt-log")
                .setVersion(version)
                .build());
        out.onCompleted();
    }
}
