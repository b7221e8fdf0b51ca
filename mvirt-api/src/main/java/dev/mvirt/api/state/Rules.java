package dev.mvirt.api.state;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.FieldError;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import java.util.Optional;

/** Small pieces every rule class uses: lookups that yield typed rejections, preconditions, invalid results. */
final class Rules {
    private Rules() {}

    /** The resource, or a NotFound result. */
    static <R extends Resource<?, ?>> Lookup<R> find(Tx tx, Kind kind, String id) {
        Optional<R> r = tx.get(kind, id);
        return r.<Lookup<R>>map(Lookup.Found::new).orElseGet(() -> new Lookup.Missing<>(new Result.NotFound(kind, id)));
    }

    /** A lookup that either found the resource or carries the rejection to return. */
    sealed interface Lookup<R> {
        record Found<R>(R value) implements Lookup<R> {}

        record Missing<R>(Result result) implements Lookup<R> {}
    }

    /** PreconditionFailed when {@code expected} is set (non-zero) and differs from the resource's revision. */
    static Optional<Result> precondition(long expected, Resource<?, ?> r) {
        return expected != 0 && expected != r.revision()
                ? Optional.of(new Result.PreconditionFailed(expected, r.revision()))
                : Optional.empty();
    }

    static Result invalid(String field, String reason) {
        return new Result.Invalid(new FieldError(field, reason));
    }

    static Optional<Result> invalid(Optional<FieldError> e) {
        return e.map(Result.Invalid::new);
    }

    static Result conflict(String code, String message) {
        return new Result.Conflict(code, message);
    }

    /** Invalid unless {@code id} is a UUID. */
    static Optional<Result> checkId(String field, String id) {
        return invalid(Check.uuid(field, id));
    }
}
