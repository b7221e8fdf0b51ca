package dev.mvirt.api.state;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.LockSpec;
import dev.mvirt.api.model.LockStatus;
import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.Resource;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Leases. Time comes from the envelope (the proposer's clock), never from apply; expired locks are removed only by
 * the leader's {@link Command.ExpireLocks}, but an expired lock may be taken over by a new owner at once.
 */
final class LockRules {
    private LockRules() {}

    static Result acquire(Tx tx, Command.AcquireLock a) {
        LockSpec spec = new LockSpec(a.owner(), a.ttlMillis());
        Optional<Result> bad = Rules.invalid(Check.name("key", a.key())).or(() -> Rules.invalid(spec.validate()));
        if (bad.isPresent()) {
            return bad.get();
        }
        long now = tx.now();
        LockStatus status = new LockStatus(now, now + a.ttlMillis());
        Optional<Resource<LockSpec, LockStatus>> held = tx.view().locks().byName("", a.key());
        if (held.isPresent()) {
            Resource<LockSpec, LockStatus> l = held.get();
            boolean expired = l.status().expiresAt() <= now;
            if (!expired && !l.spec().owner().equals(a.owner())) {
                return Rules.conflict(
                        "lock_held",
                        "lock " + a.key() + " is held by " + l.spec().owner() + " until "
                                + l.status().expiresAt());
            }
            LockStatus renewed = l.spec().owner().equals(a.owner()) && !expired
                    ? new LockStatus(l.status().acquiredAt(), now + a.ttlMillis())
                    : status;
            return new Result.Ok(tx.put(new Resource<>(l.meta(), spec, renewed)));
        }
        Optional<Result> badId = Rules.checkId("id", a.id());
        if (badId.isPresent()) {
            return badId.get();
        }
        if (tx.get(Kind.LOCK, a.id()).isPresent()) {
            return Rules.conflict("id_taken", "locks id " + a.id() + " exists");
        }
        Meta meta = new Meta(a.id(), "", a.key(), new TreeMap<>(), now, tx.index);
        return new Result.Ok(tx.put(new Resource<>(meta, spec, status)));
    }

    static Result release(Tx tx, Command.ReleaseLock r) {
        Optional<Resource<LockSpec, LockStatus>> held = tx.view().locks().byName("", r.key());
        if (held.isEmpty()) {
            return new Result.NotFound(Kind.LOCK, r.key());
        }
        if (!held.get().spec().owner().equals(r.owner())) {
            return Rules.conflict(
                    "lock_not_owned",
                    "lock " + r.key() + " is held by " + held.get().spec().owner());
        }
        tx.remove(held.get());
        return new Result.Ok(held.get());
    }

    static Result expire(Tx tx) {
        long now = tx.now();
        List<Resource<LockSpec, LockStatus>> expired = tx.view().locks().all().stream()
                .filter(l -> l.status().expiresAt() <= now)
                .sorted(java.util.Comparator.comparing(Resource::id))
                .toList();
        expired.forEach(tx::remove);
        return new Result.Done(tx.index);
    }
}
