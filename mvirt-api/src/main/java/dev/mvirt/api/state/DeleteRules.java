package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import java.util.List;
import java.util.Optional;

/** Deleting resources with referential integrity: nothing in use disappears unless forced where that is allowed. */
final class DeleteRules {
    private DeleteRules() {}

    static Result delete(Tx tx, Command.Delete d) {
        Rules.Lookup<Resource<Spec, Status>> found = Rules.find(tx, d.kind(), d.id());
        if (found instanceof Rules.Lookup.Missing<Resource<Spec, Status>> m) {
            return m.result();
        }
        Resource<Spec, Status> r = ((Rules.Lookup.Found<Resource<Spec, Status>>) found).value();
        Optional<Result> bad = Rules.precondition(d.expectedRevision(), r).or(() -> inUse(tx, r, d.force()));
        if (bad.isPresent()) {
            return bad.get();
        }
        cascade(tx, r);
        tx.remove(r);
        return new Result.Ok(r);
    }

    private static Optional<Result> inUse(Tx tx, Resource<?, ?> r, boolean force) {
        ClusterState v = tx.view();
        String id = r.id();
        return switch (r.kind()) {
            case PROJECT -> project(v, r.name());
            case NODE ->
                v.usage(id).vms() > 0
                                || v.volumes().all().stream()
                                        .anyMatch(x -> x.spec().node().equals(id))
                                || v.templates().all().stream()
                                        .anyMatch(x -> x.spec().node().equals(id))
                        ? busy("node_in_use", "node " + r.name() + " still has VMs, volumes or templates")
                        : Optional.empty();
            case NETWORK ->
                !force && !nicsOf(v, id).isEmpty()
                        ? busy("network_in_use", "network " + r.name() + " has NICs; delete them or force")
                        : Optional.empty();
            case NIC ->
                !force && !((NicSpec) r.spec()).vm().isEmpty()
                        ? busy("nic_attached", "NIC " + r.name() + " is attached to VM " + ((NicSpec) r.spec()).vm())
                        : Optional.empty();
            case VOLUME ->
                VmRefs.userOf(v, id)
                        .flatMap(vm -> busy("volume_in_use", "volume " + r.name() + " is used by VM " + vm.name()));
            case TEMPLATE ->
                v.volumes().all().stream().anyMatch(x -> x.spec().template().equals(id))
                        ? busy("template_in_use", "template " + r.name() + " has volumes cloned from it")
                        : Optional.empty();
            case SECURITY_GROUP -> securityGroup(v, r);
            case VM, LOCK -> Optional.empty();
        };
    }

    private static Optional<Result> project(ClusterState v, String name) {
        if (name.equals(ClusterState.DEFAULT_PROJECT)) {
            return busy("default_project", "the default project cannot be deleted");
        }
        for (Kind k : Kind.values()) {
            if (k.projectScoped() && !v.table(k).page(name, "", 1).isEmpty()) {
                return busy("project_not_empty", "project " + name + " still has " + k.plural());
            }
        }
        return Optional.empty();
    }

    private static Optional<Result> securityGroup(ClusterState v, Resource<?, ?> r) {
        String id = r.id();
        boolean listed =
                v.nics().all().stream().anyMatch(n -> n.spec().securityGroups().contains(id));
        boolean peered = v.securityGroups().all().stream()
                .filter(g -> !g.id().equals(id))
                .anyMatch(g -> g.spec().rules().stream()
                        .anyMatch(rule -> rule.peerGroup().equals(id)));
        return listed || peered
                ? busy("security_group_in_use", "security group " + r.name() + " is used by NICs or other groups")
                : Optional.empty();
    }

    /** What goes with the resource: a network's NICs (forced), a NIC's or VM's attachments. */
    @SuppressWarnings("unchecked")
    private static void cascade(Tx tx, Resource<?, ?> r) {
        switch (r.kind()) {
            case NETWORK -> {
                for (Resource<NicSpec, NicStatus> nic : nicsOf(tx.view(), r.id())) {
                    tx.remove(VmRules.detachNic(tx, nic));
                }
            }
            case NIC -> VmRules.detachNic(tx, (Resource<NicSpec, NicStatus>) r);
            case VM -> {
                for (String nicId : ((Resource<VmSpec, VmStatus>) r).spec().nics()) {
                    tx.<Resource<NicSpec, NicStatus>>get(Kind.NIC, nicId)
                            .ifPresent(n -> tx.put(n.withSpec(n.spec().withVm(""), tx.index)));
                }
            }
            default -> {}
        }
    }

    private static List<Resource<NicSpec, NicStatus>> nicsOf(ClusterState v, String networkId) {
        return v.nics().all().stream()
                .filter(n -> n.spec().network().equals(networkId))
                .toList();
    }

    private static Optional<Result> busy(String code, String message) {
        return Optional.of(Rules.conflict(code, message));
    }
}
