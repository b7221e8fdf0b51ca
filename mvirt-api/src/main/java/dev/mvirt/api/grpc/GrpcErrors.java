package dev.mvirt.api.grpc;

import dev.mvirt.api.state.Result;
import dev.mvirt.api.store.StoreException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where NodeService failures become gRPC statuses. Each carries a stable code in the trailer
 * {@code mvirt-code} beside a message naming the resource and the reason; an internal error never echoes its
 * message.
 */
final class GrpcErrors {
    private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

    /** Trailer with the stable error code (not_found, invalid, conflict, ...). */
    static final Metadata.Key<String> CODE = Metadata.Key.of("mvirt-code", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcErrors() {}

    /** The status for an exception thrown or completed by a handler. */
    static StatusRuntimeException toStatus(Throwable t) {
        Throwable e = (t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null
                ? t.getCause()
                : t;
        return switch (e) {
            case StatusRuntimeException s -> s;
            case Refusal r ->
                switch (r.why()) {
                    case UNAUTHENTICATED ->
                        status(Status.UNAUTHENTICATED, "unauthenticated", String.valueOf(r.getMessage()));
                    case NOT_REGISTERED -> status(Status.NOT_FOUND, "not_registered", String.valueOf(r.getMessage()));
                    case INVALID -> status(Status.INVALID_ARGUMENT, "invalid", String.valueOf(r.getMessage()));
                };
            case StoreException s -> status(Status.UNAVAILABLE, "unavailable", String.valueOf(s.getMessage()));
            default -> {
                log.error("node service: request failed", e);
                yield status(Status.INTERNAL, "internal", "internal error");
            }
        };
    }

    /** The status for a command the state rejected. */
    static StatusRuntimeException toStatus(Result r) {
        Status s = switch (r) {
            case Result.NotFound n -> Status.NOT_FOUND;
            case Result.Conflict c -> Status.FAILED_PRECONDITION;
            case Result.Invalid i -> Status.INVALID_ARGUMENT;
            case Result.PreconditionFailed p -> Status.ABORTED;
            case Result.NoCapacity n -> Status.RESOURCE_EXHAUSTED;
            case Result.Ok o -> Status.OK;
            case Result.Done d -> Status.OK;
        };
        return status(s, code(r), message(r));
    }

    /** The stable code of a result: "" for success. */
    static String code(Result r) {
        return switch (r) {
            case Result.Ok o -> "";
            case Result.Done d -> "";
            case Result.NotFound n -> "not_found";
            case Result.Conflict c -> c.code();
            case Result.Invalid i -> "invalid";
            case Result.PreconditionFailed p -> "precondition_failed";
            case Result.NoCapacity n -> "no_capacity";
        };
    }

    /** A one-line message for a result. */
    static String message(Result r) {
        return switch (r) {
            case Result.Ok o -> "";
            case Result.Done d -> "";
            case Result.NotFound n -> "no " + n.kind().plural() + " " + n.id();
            case Result.Conflict c -> c.message();
            case Result.Invalid i -> i.error().toString();
            case Result.PreconditionFailed p -> "expected revision " + p.expected() + " but it is " + p.current();
            case Result.NoCapacity n ->
                "no node fits: "
                        + n.reasons().entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining("; "));
        };
    }

    private static StatusRuntimeException status(Status s, String code, String message) {
        Metadata trailers = new Metadata();
        trailers.put(CODE, code);
        return s.withDescription(message).asRuntimeException(trailers);
    }
}
