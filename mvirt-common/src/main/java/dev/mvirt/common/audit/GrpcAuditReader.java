package dev.mvirt.common.audit;

import dev.mvirt.common.audit.AuditReadException.Reason;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.proto.log.v1.LogEntry;
import dev.mvirt.proto.log.v1.LogRecord;
import dev.mvirt.proto.log.v1.QueryRequest;
import dev.mvirt.proto.log.v1.QueryResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@link AuditReader} over the mvirt-log gRPC {@code LogService.Query} call (never following). INVALID_ARGUMENT
 * becomes {@link Reason#INVALID}; every other failure (down, deadline, overloaded) {@link Reason#UNAVAILABLE}.
 */
public final class GrpcAuditReader implements AuditReader {
    private final LogStub log;

    private GrpcAuditReader(LogStub log) {
        this.log = log;
    }

    /** A reader over {@code channel}, which the caller keeps and closes. */
    public static GrpcAuditReader over(Channel channel, Duration deadline) {
        return new GrpcAuditReader(LogStub.over(channel, deadline));
    }

    /** A reader with its own channel to {@code endpoint} (connected lazily), closed with the reader. */
    public static GrpcAuditReader connect(Endpoint endpoint, Duration deadline) {
        return new GrpcAuditReader(LogStub.connect(endpoint, deadline));
    }

    @Override
    public AuditPage query(AuditQuery q) {
        QueryRequest request = QueryRequest.newBuilder()
                .setObjectId(q.objectId())
                .setActor(q.actor())
                .setSinceNs(q.sinceNs())
                .setUntilNs(q.untilNs())
                .setLimit(q.limit())
                .setCursor(q.cursor())
                .setNewestFirst(q.newestFirst())
                .build();
        try {
            Iterator<QueryResponse> it = log.call().query(request);
            List<AuditRecord> records = new ArrayList<>();
            String next = "";
            while (it.hasNext()) {
                QueryResponse r = it.next();
                r.getRecordsList().forEach(rec -> records.add(record(rec)));
                next = r.getNextCursor();
            }
            return new AuditPage(records, next);
        } catch (StatusRuntimeException e) {
            Status s = e.getStatus();
            String why =
                    "audit log service: " + s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription());
            Reason reason = s.getCode() == Status.Code.INVALID_ARGUMENT ? Reason.INVALID : Reason.UNAVAILABLE;
            throw new AuditReadException(reason, why, e);
        }
    }

    @Override
    public void close() {
        log.close();
    }

    static AuditRecord record(LogRecord rec) {
        LogEntry e = rec.getEntry();
        long ns = e.getTimestampNs();
        AuditEntry.Builder b = AuditEntry.builder(
                        level(e.getLevel()), orElse(e.getComponent(), "unknown"), e.getMessage())
                .id(orElse(e.getEntryId(), "seq-" + rec.getSeq()))
                .timestamp(Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)))
                .actor(e.getActor())
                .objects(e.getObjectIdsList());
        e.getFieldsMap().forEach(b::field);
        return new AuditRecord(rec.getSeq(), b.build());
    }

    private static String orElse(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }

    private static AuditLevel level(dev.mvirt.proto.log.v1.Level level) {
        return switch (level) {
            case LEVEL_AUDIT -> AuditLevel.AUDIT;
            case LEVEL_DEBUG -> AuditLevel.DEBUG;
            case LEVEL_NOTICE -> AuditLevel.NOTICE;
            case LEVEL_WARN -> AuditLevel.WARN;
            case LEVEL_ERROR -> AuditLevel.ERROR;
            case LEVEL_CRITICAL -> AuditLevel.CRITICAL;
            case LEVEL_ALERT -> AuditLevel.ALERT;
            case LEVEL_EMERGENCY -> AuditLevel.EMERGENCY;
            case LEVEL_INFO, LEVEL_UNSPECIFIED, UNRECOGNIZED -> AuditLevel.INFO;
        };
    }
}
