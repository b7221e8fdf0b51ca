package dev.mvirt.api.grpc;

/** A request refused at the edge, before anything is proposed. Mapped to a gRPC status by {@link GrpcErrors}. */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request is refused. */
    enum Why {
        /** Bad join token or credential. */
        UNAUTHENTICATED,
        /** The node id is not registered (or no longer): register again. */
        NOT_REGISTERED,
        /** A field is malformed. */
        INVALID
    }

    private final Why why;

    Refusal(Why why, String message) {
        super(message);
        this.why = why;
    }

    Why why() {
        return why;
    }
}
