package dev.mvirt.api.state;

import dev.mvirt.api.model.FieldError;
import dev.mvirt.api.model.Kind;
import java.util.List;
import java.util.Optional;
import org.pcollections.PMap;

/** Dispatches one command to the rules of its aggregate, with idempotency replay around it. */
final class Applier {
    /** Idempotency keys are kept this long (command time), and at most {@link #MAX_KEYS} of them. */
    static final long KEY_TTL_MILLIS = 24L * 3600 * 1000;

    static final int MAX_KEYS = 100_000;

    private Applier() {}

    static Applied apply(ClusterState state, long index, Envelope env, Placer placer) {
        String key = env.idempotencyKey();
        if (!key.isEmpty()) {
            Optional<IdempotencyRecord> seen = state.idempotency(key);
            if (seen.isPresent()) {
                return new Applied(unchanged(state, index), replay(state, seen.get(), env), List.of());
            }
        }
        Tx tx = new Tx(state, index, env, placer);
        Result r = dispatch(tx, env.command());
        if (!r.ok()) {
            return new Applied(unchanged(state, index), r, List.of());
        }
        return new Applied(tx.commit(remember(state, env, index, r)), r, tx.events());
    }

    private static Result dispatch(Tx tx, Command c) {
        return switch (c) {
            case Command.Create cr -> CreateRules.create(tx, cr);
            case Command.UpdateSpec u -> UpdateRules.update(tx, u);
            case Command.SetLabels l -> UpdateRules.labels(tx, l);
            case Command.Delete d -> DeleteRules.delete(tx, d);
            case Command.ReportStatus s -> StatusRules.report(tx, s);
            case Command.AttachNic a -> VmRules.attach(tx, a);
            case Command.DetachNic d -> VmRules.detach(tx, d);
            case Command.SetVmPower p -> VmRules.power(tx, p);
            case Command.RebootVm r -> VmRules.reboot(tx, r);
            case Command.MoveVm m -> MoveRules.move(tx, m);
            case Command.CreateSnapshot s -> VolumeRules.snapshot(tx, s);
            case Command.DeleteSnapshot s -> VolumeRules.deleteSnapshot(tx, s);
            case Command.RollbackVolume r -> VolumeRules.rollback(tx, r);
            case Command.AcquireLock a -> LockRules.acquire(tx, a);
            case Command.ReleaseLock r -> LockRules.release(tx, r);
            case Command.ExpireLocks e -> LockRules.expire(tx);
            case Command.SetSettings s -> SettingsRules.set(tx, s);
            case Command.RegisterNode n -> NodeRules.register(tx, n);
            case Command.SetNodePhase p -> NodeRules.phase(tx, p);
        };
    }

    private static ClusterState unchanged(ClusterState s, long index) {
        return new ClusterState(index, s.tables, s.settings, s.idempotency, s.addresses, s.usage);
    }

    private static Result replay(ClusterState state, IdempotencyRecord rec, Envelope env) {
        if (!rec.requestHash().equals(env.requestHash())) {
            return new Result.Invalid(
                    new FieldError("Idempotency-Key", "was used before with a different request body"));
        }
        if (rec.resourceId().isEmpty()) {
            return new Result.Done(rec.revision());
        }
        return state.get(rec.kind(), rec.resourceId())
                .<Result>map(Result.Ok::new)
                .orElseGet(() -> new Result.Done(rec.revision()));
    }

    private static PMap<String, IdempotencyRecord> remember(ClusterState s, Envelope env, long index, Result r) {
        PMap<String, IdempotencyRecord> idem = s.idempotency;
        if (env.idempotencyKey().isEmpty()) {
            return idem;
        }
        if (idem.size() >= MAX_KEYS || index % 1024 == 0) {
            idem = prune(idem, env.timeMillis());
        }
        Kind kind = Kind.PROJECT;
        String id = "";
        if (r instanceof Result.Ok ok) {
            kind = ok.resource().kind();
            id = ok.resource().id();
        }
        return idem.plus(
                env.idempotencyKey(),
                new IdempotencyRecord(env.idempotencyKey(), env.requestHash(), kind, id, index, env.timeMillis()));
    }

    /** Drops records older than the TTL; if still full, the oldest (by revision) go. Deterministic. */
    private static PMap<String, IdempotencyRecord> prune(PMap<String, IdempotencyRecord> idem, long now) {
        PMap<String, IdempotencyRecord> out = idem;
        for (IdempotencyRecord r : idem.values()) {
            if (now - r.timeMillis() > KEY_TTL_MILLIS) {
                out = out.minus(r.key());
            }
        }
        if (out.size() >= MAX_KEYS) {
            List<IdempotencyRecord> byAge = out.values().stream()
                    .sorted(java.util.Comparator.comparingLong(IdempotencyRecord::revision)
                            .thenComparing(IdempotencyRecord::key))
                    .limit(out.size() - MAX_KEYS + 1024L)
                    .toList();
            for (IdempotencyRecord r : byAge) {
                out = out.minus(r.key());
            }
        }
        return out;
    }
}
