package dev.mvirt.bench.check;

import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.Outcome;
import java.util.Optional;

/**
 * A register holding a string ("" before the first write), with write, compare-and-set and read. Values are unique
 * per write, so a CAS on the revision read together with a value is a CAS on that value. An operation of unknown
 * outcome may take effect (a CAS of unknown outcome takes effect exactly when it matches); a failed CAS must not
 * have matched.
 */
public final class RegisterModel implements Model<String> {

    @Override
    public String init() {
        return "";
    }

    @Override
    public Optional<String> step(String state, Op op) {
        return switch (op.kind()) {
            case WRITE -> Optional.of(op.value());
            case CAS -> cas(state, op);
            case READ, LOCAL_READ -> state.equals(op.read()) ? Optional.of(state) : Optional.empty();
        };
    }

    private static Optional<String> cas(String state, Op op) {
        boolean matches = state.equals(op.expected());
        if (op.outcome() == Outcome.OK) {
            return matches ? Optional.of(op.value()) : Optional.empty();
        }
        if (op.outcome() == Outcome.FAIL) {
            return matches ? Optional.empty() : Optional.of(state);
        }
        return Optional.of(matches ? op.value() : state);
    }
}
