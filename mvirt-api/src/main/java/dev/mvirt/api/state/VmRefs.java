package dev.mvirt.api.state;

import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import java.util.List;
import java.util.Optional;

/**
 * Reference checks for a VM spec: its volumes and NICs exist in the project and belong to no other VM, and a boot
 * volume is one of its volumes. {@code keepNics} are NICs already attached to this VM.
 */
final class VmRefs {
    private VmRefs() {}

    static Optional<Result> check(Tx tx, String project, String vmId, VmSpec s, List<String> keepNics) {
        ClusterState view = tx.view();
        if (!s.boot().volume().isEmpty() && !s.volumes().contains(s.boot().volume())) {
            return Optional.of(Rules.invalid("spec.boot.volume", "must be one of spec.volumes"));
        }
        for (int i = 0; i < s.volumes().size(); i++) {
            String id = s.volumes().get(i);
            String field = "spec.volumes[" + i + "]";
            var v = view.volumes().get(id).filter(x -> x.meta().project().equals(project));
            if (v.isEmpty()) {
                return Optional.of(Rules.invalid(field, "no volume " + id + " in project " + project));
            }
            Optional<Resource<VmSpec, VmStatus>> user = userOf(view, id).filter(u -> !u.id().equals(vmId));
            if (user.isPresent()) {
                return Optional.of(Rules.conflict(
                        "volume_in_use",
                        "volume " + id + " is used by VM " + user.get().name()));
            }
        }
        if (s.volumes().stream().distinct().count() != s.volumes().size()) {
            return Optional.of(Rules.invalid("spec.volumes", "must not contain duplicates"));
        }
        for (int i = 0; i < s.nics().size(); i++) {
            String id = s.nics().get(i);
            var n = view.nics().get(id).filter(x -> x.meta().project().equals(project));
            if (n.isEmpty()) {
                return Optional.of(Rules.invalid("spec.nics[" + i + "]", "no NIC " + id + " in project " + project));
            }
            if (!n.get().spec().vm().isEmpty() && !keepNics.contains(id)) {
                return Optional.of(Rules.conflict(
                        "nic_attached",
                        "NIC " + n.get().name() + " is attached to VM "
                                + n.get().spec().vm()));
            }
        }
        return s.nics().stream().distinct().count() == s.nics().size()
                ? Optional.empty()
                : Optional.of(Rules.invalid("spec.nics", "must not contain duplicates"));
    }

    /** The VM using volume {@code volumeId}, if any. */
    static Optional<Resource<VmSpec, VmStatus>> userOf(ClusterState view, String volumeId) {
        return view.volumeUser(volumeId).flatMap(id -> view.vms().get(id));
    }
}
