package dev.mvirt.api.state;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.VolumeSpec;
import java.util.Optional;

/** Replacing a spec or labels: precondition, validation, and what each kind lets change. */
final class UpdateRules {
    private UpdateRules() {}

    static Result update(Tx tx, Command.UpdateSpec u) {
        if (u.spec().kind() != u.kind()) {
            return Rules.invalid("spec", "is not a " + u.kind().plural() + " spec");
        }
        Rules.Lookup<Resource<Spec, Status>> found = Rules.find(tx, u.kind(), u.id());
        if (found instanceof Rules.Lookup.Missing<Resource<Spec, Status>> m) {
            return m.result();
        }
        Resource<Spec, Status> r = ((Rules.Lookup.Found<Resource<Spec, Status>>) found).value();
        Optional<Result> bad = Rules.precondition(u.expectedRevision(), r)
                .or(() -> Rules.invalid(u.spec().validate()));
        if (bad.isPresent()) {
            return bad.get();
        }
        return switch (u.spec()) {
            case ProjectSpec s -> replace(tx, r, s);
            case NodeSpec s -> replace(tx, r, s);
            case NetworkSpec s -> network(tx, r, s);
            case NicSpec s -> nic(tx, r, s);
            case VolumeSpec s -> volume(tx, r, s);
            case SecurityGroupSpec s ->
                SecurityGroupRefs.check(tx, r.meta().project(), r.id(), s).orElseGet(() -> replace(tx, r, s));
            case dev.mvirt.api.model.VmSpec s -> VmUpdate.update(tx, r, s);
            case dev.mvirt.api.model.TemplateSpec s ->
                Rules.invalid("spec", "templates cannot change; import a new one");
            case dev.mvirt.api.model.LockSpec s -> Rules.invalid("spec", "locks change through acquire and release");
        };
    }

    static Result labels(Tx tx, Command.SetLabels l) {
        Rules.Lookup<Resource<Spec, Status>> found = Rules.find(tx, l.kind(), l.id());
        if (found instanceof Rules.Lookup.Missing<Resource<Spec, Status>> m) {
            return m.result();
        }
        Resource<Spec, Status> r = ((Rules.Lookup.Found<Resource<Spec, Status>>) found).value();
        return Rules.precondition(l.expectedRevision(), r)
                .or(() -> Rules.invalid(Check.labels("labels", l.labels())))
                .orElseGet(() -> new Result.Ok(
                        tx.put(new Resource<>(r.meta().withLabels(l.labels(), tx.index), r.spec(), r.status()))));
    }

    static Result replace(Tx tx, Resource<Spec, Status> r, Spec s) {
        return new Result.Ok(tx.put(r.withSpec(s, tx.index)));
    }

    private static Result network(Tx tx, Resource<Spec, Status> r, NetworkSpec s) {
        NetworkSpec old = (NetworkSpec) r.spec();
        boolean prefixes =
                !old.ipv4Cidr().equals(s.ipv4Cidr()) || !old.ipv6Cidr().equals(s.ipv6Cidr());
        if (prefixes && tx.view().allocatedAddresses(r.id()) > 0) {
            return Rules.conflict(
                    "network_in_use", "prefixes of network " + r.name() + " cannot change while NICs use it");
        }
        return replace(tx, r, s);
    }

    private static Result nic(Tx tx, Resource<Spec, Status> r, NicSpec s) {
        NicSpec old = (NicSpec) r.spec();
        Optional<Result> bad = immutable("spec.network", old.network(), s.network())
                .or(() -> immutable("spec.mac", old.mac(), s.mac()))
                .or(() -> immutable("spec.ipv4", old.ipv4(), s.ipv4()))
                .or(() -> immutable("spec.ipv6", old.ipv6(), s.ipv6()))
                .or(() -> old.vm().equals(s.vm())
                        ? Optional.empty()
                        : Optional.of(Rules.invalid("spec.vm", "use attach or detach")))
                .or(() -> SecurityGroupRefs.checkList(tx, r.meta().project(), s.securityGroups()));
        return bad.orElseGet(() -> replace(tx, r, s));
    }

    private static Result volume(Tx tx, Resource<Spec, Status> r, VolumeSpec s) {
        VolumeSpec old = (VolumeSpec) r.spec();
        Optional<Result> bad = immutable("spec.node", old.node(), s.node())
                .or(() -> immutable("spec.template", old.template(), s.template()))
                .or(() -> immutable("spec.pool", old.pool(), s.pool()))
                .or(() -> s.sizeBytes() < old.sizeBytes()
                        ? Optional.of(Rules.invalid("spec.sizeBytes", "can only grow (now " + old.sizeBytes() + ")"))
                        : Optional.empty())
                .or(() -> s.snapshots().equals(old.snapshots())
                                && s.rollbackTo().equals(old.rollbackTo())
                                && s.rollbackGeneration() == old.rollbackGeneration()
                        ? Optional.empty()
                        : Optional.of(Rules.invalid("spec.snapshots", "use the snapshot and rollback calls")));
        return bad.orElseGet(() -> replace(tx, r, s));
    }

    static Optional<Result> immutable(String field, String old, String now) {
        return old.equals(now) ? Optional.empty() : Optional.of(Rules.invalid(field, "cannot change"));
    }
}
