package dev.mvirt.common.audit;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.proto.log.v1.Level;
import dev.mvirt.proto.log.v1.LogEntry;
import dev.mvirt.proto.log.v1.LogRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@link AuditTransport} over the mvirt-log gRPC {@code LogService.Log} call. */
public final class GrpcAuditTransport implements AuditTransport {
    private static final Set<Status.Code> PERMANENT =
            EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.UNIMPLEMENTED, Status.Code.FAILED_PRECONDITION);

    private final LogStub log;

    private GrpcAuditTransport(LogStub log) {
        this.log = log;
    }

    /** A transport over {@code channel}, which the caller keeps and closes. */
    public static GrpcAuditTransport over(Channel channel, Duration deadline) {
        return new GrpcAuditTransport(LogStub.over(channel, deadline));
    }

    /** A transport with its own channel to {@code endpoint} (connected lazily), closed with the transport. */
    public static GrpcAuditTransport connect(Endpoint endpoint, Duration deadline) {
        return new GrpcAuditTransport(LogStub.connect(endpoint, deadline));
    }

    @Override
    public void send(List<AuditEntry> batch) {
        LogRequest.Builder request = LogRequest.newBuilder();
        batch.forEach(e -> request.addEntries(toProto(e)));
        try {
            log.call().log(request.build());
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            throw new AuditTransportException("audit service: " + code, !PERMANENT.contains(code), e);
        }
    }

    @Override
    public void close() {
        log.close();
    }

    static LogEntry toProto(AuditEntry e) {
        return LogEntry.newBuilder()
                .setEntryId(e.id())
                .setTimestampNs(nanos(e.timestamp()))
                .setLevel(level(e.level()))
                .setComponent(e.component())
                .setActor(e.actor())
                .setMessage(e.message())
                .addAllObjectIds(e.objectIds())
                .putAllFields(e.fields())
                .build();
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static Level level(AuditLevel level) {
        return switch (level) {
            case AUDIT -> Level.LEVEL_AUDIT;
            case DEBUG -> Level.LEVEL_DEBUG;
            case INFO -> Level.LEVEL_INFO;
            case NOTICE -> Level.LEVEL_NOTICE;
            case WARN -> Level.LEVEL_WARN;
            case ERROR -> Level.LEVEL_ERROR;
            case CRITICAL -> Level.LEVEL_CRITICAL;
            case ALERT -> Level.LEVEL_ALERT;
            case EMERGENCY -> Level.LEVEL_EMERGENCY;
        };
    }
}
