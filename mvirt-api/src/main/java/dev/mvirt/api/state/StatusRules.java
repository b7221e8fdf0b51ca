package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.SecurityGroupStatus;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Status reports from hosts. Every kind's report is applied (DESIGN §5) when it comes from the node that owns the
 * resource; an unchanged report changes nothing (no revision, no event), so periodic resyncs are cheap.
 */
final class StatusRules {
    /** The kinds hosts realise and report on. */
    private static final Set<Kind> HOST_REPORTED =
            EnumSet.of(Kind.VM, Kind.NIC, Kind.VOLUME, Kind.TEMPLATE, Kind.SECURITY_GROUP);

    private StatusRules() {}

    @SuppressWarnings("unchecked")
    static Result report(Tx tx, Command.ReportStatus s) {
        if (!HOST_REPORTED.contains(s.kind())) {
            // node facts come by registration, liveness and locks from the leader: a host must not write them
            return Rules.invalid("kind", s.kind().plural() + " have no status reported by hosts");
        }
        if (s.status().kind() != s.kind()) {
            return Rules.invalid("status", "is not a " + s.kind().plural() + " status");
        }
        Rules.Lookup<Resource<Spec, Status>> found = Rules.find(tx, s.kind(), s.id());
        if (found instanceof Rules.Lookup.Missing<Resource<Spec, Status>> m) {
            return m.result();
        }
        Resource<Spec, Status> r = ((Rules.Lookup.Found<Resource<Spec, Status>>) found).value();
        if (tx.view().nodes().get(s.node()).isEmpty()) {
            return Rules.invalid("node", "no node " + s.node());
        }
        Optional<Result> bad = owner(tx, r, s.node());
        if (bad.isPresent()) {
            return bad.get();
        }
        Status next = normalise(r, s);
        if (next instanceof VmStatus v && (v.phase() == VmPhase.PENDING || v.phase() == VmPhase.SCHEDULED)) {
            return Rules.invalid("status.phase", "PENDING and SCHEDULED are set by the control plane");
        }
        return next.equals(r.status()) ? new Result.Ok(r) : new Result.Ok(tx.put(r.withStatus(next, tx.index)));
    }

    /** Conflict unless {@code node} is the node the resource lives on (when it is known). */
    private static Optional<Result> owner(Tx tx, Resource<?, ?> r, String node) {
        String expected = switch (r.spec()) {
            case VmSpec vs -> ((VmStatus) r.status()).node();
            case VolumeSpec vs -> vs.node();
            case TemplateSpec ts -> ts.node();
            case dev.mvirt.api.model.NicSpec ns ->
                ns.vm().isEmpty()
                        ? ""
                        : tx.view()
                                .vms()
                                .get(ns.vm())
                                .map(vm -> vm.status().node())
                                .orElse("");
            default -> "";
        };
        return expected.isEmpty() || expected.equals(node)
                ? Optional.empty()
                : Optional.of(
                        Rules.conflict("wrong_node", r.kind().plural() + " " + r.name() + " is not on node " + node));
    }

    /** The report as stored: a VM keeps its placement, a NIC records the reporting node. */
    private static Status normalise(Resource<?, ?> r, Command.ReportStatus s) {
        return switch (s.status()) {
            case VmStatus v ->
                new VmStatus(v.phase(), ((VmStatus) r.status()).node(), v.message(), v.rebootGeneration(), v.pid());
            case NicStatus n -> new NicStatus(n.phase(), s.node(), n.tap(), n.message());
            case VolumeStatus v ->
                new VolumeStatus(v.phase(), s.node(), v.path(), v.usedBytes(), v.rollbackGeneration(), v.message());
            case TemplateStatus t -> t;
            case SecurityGroupStatus g -> g;
            default -> s.status();
        };
    }
}
