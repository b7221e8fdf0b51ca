package dev.mvirt.log.grpc;

import dev.mvirt.log.model.InvalidInputException;
import dev.mvirt.log.service.OverloadedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place mvirt-log's exceptions become gRPC statuses. Internal messages never reach the client. */
final class GrpcErrors {
    private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {}

    static StatusRuntimeException toStatus(Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return switch (e) {
            case InvalidInputException i ->
                Status.INVALID_ARGUMENT.withDescription(i.getMessage()).asRuntimeException();
            case OverloadedException o ->
                Status.RESOURCE_EXHAUSTED.withDescription(o.getMessage()).asRuntimeException();
            case StatusRuntimeException s -> s;
            default -> {
                log.error("log: request failed", e);
                yield Status.UNAVAILABLE
                        .withDescription("log storage failed; retry")
                        .asRuntimeException();
            }
        };
    }
}
