package dev.mvirt.vmm.grpc;

import dev.mvirt.vmm.model.AlreadyExistsException;
import dev.mvirt.vmm.model.ConflictException;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.InvalidSpecException;
import dev.mvirt.vmm.model.NotFoundException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that maps mvirt-vmm exceptions to gRPC statuses; unexpected ones never echo their message. */
final class GrpcErrors {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {}

    static StatusRuntimeException map(RuntimeException e) {
        Status s = switch (e) {
            case InvalidSpecException x -> Status.INVALID_ARGUMENT.withDescription(x.getMessage());
            case NotFoundException x -> Status.NOT_FOUND.withDescription(x.getMessage());
            case AlreadyExistsException x -> Status.ALREADY_EXISTS.withDescription(x.getMessage());
            case ConflictException x -> Status.FAILED_PRECONDITION.withDescription(x.getMessage());
            case HypervisorException x -> Status.FAILED_PRECONDITION.withDescription(x.getMessage());
            case IllegalArgumentException x -> Status.INVALID_ARGUMENT.withDescription(x.getMessage());
            case StatusRuntimeException x -> x.getStatus();
            default -> {
                LOG.error("internal error", e);
                yield Status.INTERNAL.withDescription("internal error; see the mvirt-vmm log");
            }
        };
        return s.asRuntimeException();
    }
}
