package dev.mvirt.api.state;

import dev.mvirt.api.model.FieldError;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import java.util.Map;

/** The outcome of applying one command: success, or a typed rejection that changed nothing. */
public sealed interface Result {

    /** True for {@link Ok} and {@link Done}. */
    default boolean ok() {
        return this instanceof Ok || this instanceof Done;
    }

    /** Success with the resource as it now is (as it was, for a delete). */
    record Ok(Resource<?, ?> resource) implements Result {}

    /** Success of a command that concerns no single resource. */
    record Done(long revision) implements Result {}

    /** The resource does not exist. */
    record NotFound(Kind kind, String id) implements Result {}

    /** A state conflict: a name taken, a NIC attached, a network in use. {@code code} is stable for clients. */
    record Conflict(String code, String message) implements Result {}

    /** Bad input, naming the field. */
    record Invalid(FieldError error) implements Result {}

    /** {@code expectedRevision} did not match the resource's current revision. */
    record PreconditionFailed(long expected, long current) implements Result {}

    /** No node can take the VM; per node, why not. */
    record NoCapacity(Map<String, String> reasons) implements Result {}
}
