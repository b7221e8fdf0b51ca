package dev.mvirt.api.state;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NetworkStatus;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.ResourcePhase;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.SecurityGroupStatus;
import dev.mvirt.api.model.TemplatePhase;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import java.util.Optional;
import java.util.TreeMap;

/** Creating resources: common checks (id, name, labels, spec, project, uniqueness), then per-kind references. */
final class CreateRules {
    private CreateRules() {}

    static Result create(Tx tx, Command.Create c) {
        Kind kind = c.spec().kind();
        if (kind == Kind.NODE || kind == Kind.LOCK) {
            return Rules.invalid("spec", kind.plural() + " are not created this way");
        }
        Optional<Result> bad = Rules.checkId("id", c.id())
                .or(() -> Rules.invalid(Check.name("name", c.name())))
                .or(() -> Rules.invalid(Check.labels("labels", c.labels())))
                .or(() -> Rules.invalid(c.spec().validate()))
                .or(() -> checkProject(tx, kind, c.project()))
                .or(() -> unique(tx, kind, c.id(), c.project(), c.name()));
        if (bad.isPresent()) {
            return bad.get();
        }
        Meta meta = new Meta(c.id(), c.project(), c.name(), new TreeMap<>(c.labels()), tx.now(), tx.index);
        return switch (c.spec()) {
            case ProjectSpec s -> ok(tx.put(new Resource<>(meta, s, new ProjectStatus())));
            case NetworkSpec s -> ok(tx.put(new Resource<>(meta, s, new NetworkStatus())));
            case NicSpec s -> NicRules.create(tx, meta, s);
            case VolumeSpec s -> volume(tx, meta, s);
            case TemplateSpec s -> template(tx, meta, s);
            case SecurityGroupSpec s -> securityGroup(tx, meta, s);
            case VmSpec s -> VmRules.create(tx, meta, s);
            default -> Rules.invalid("spec", "cannot create " + kind.plural());
        };
    }

    static Result ok(Resource<?, ?> r) {
        return new Result.Ok(r);
    }

    static Optional<Result> checkProject(Tx tx, Kind kind, String project) {
        if (!kind.projectScoped()) {
            return project.isEmpty() ? Optional.empty() : Optional.of(Rules.invalid("project", "must be empty"));
        }
        Optional<Result> bad = Rules.invalid(Check.name("project", project));
        if (bad.isPresent()) {
            return bad;
        }
        return tx.view().projects().byName("", project).isPresent()
                ? Optional.empty()
                : Optional.of(new Result.NotFound(Kind.PROJECT, project));
    }

    private static Optional<Result> unique(Tx tx, Kind kind, String id, String project, String name) {
        Table<?, ?> t = tx.view().table(kind);
        if (t.get(id).isPresent()) {
            return Optional.of(Rules.conflict("id_taken", kind.plural() + " id " + id + " exists"));
        }
        return t.byName(project, name).isPresent()
                ? Optional.of(Rules.conflict("name_taken", "name '" + name + "' is taken in " + kind.plural()))
                : Optional.empty();
    }

    private static Result volume(Tx tx, Meta meta, VolumeSpec s) {
        String node = s.node();
        if (!s.template().isEmpty()) {
            var t = tx.view().templates().get(s.template());
            if (t.isEmpty() || !t.get().meta().project().equals(meta.project())) {
                return Rules.invalid("spec.template", "no template " + s.template() + " in this project");
            }
            if (!node.isEmpty() && !node.equals(t.get().spec().node())) {
                return Rules.invalid(
                        "spec.node",
                        "a clone lives on its template's node " + t.get().spec().node());
            }
            node = t.get().spec().node();
        }
        if (!node.isEmpty() && tx.view().nodes().get(node).isEmpty()) {
            return Rules.invalid("spec.node", "no node " + node);
        }
        if (!s.snapshots().isEmpty() || !s.rollbackTo().isEmpty()) {
            return Rules.invalid("spec.snapshots", "snapshots are taken after creation");
        }
        VolumeSpec spec = s.withNode(node);
        return ok(tx.put(new Resource<>(meta, spec, new VolumeStatus(ResourcePhase.PENDING, node, "", 0, 0, ""))));
    }

    private static Result template(Tx tx, Meta meta, TemplateSpec s) {
        if (tx.view().nodes().get(s.node()).isEmpty()) {
            return Rules.invalid("spec.node", "no node " + s.node());
        }
        return ok(tx.put(new Resource<>(meta, s, new TemplateStatus(TemplatePhase.PENDING, 0, 0, ""))));
    }

    private static Result securityGroup(Tx tx, Meta meta, SecurityGroupSpec s) {
        Optional<Result> bad = SecurityGroupRefs.check(tx, meta.project(), meta.id(), s);
        return bad.orElseGet(() ->
                ok(tx.put(new Resource<>(meta, s, new SecurityGroupStatus(ResourcePhase.PENDING, "")))));
    }
}
