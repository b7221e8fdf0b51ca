package dev.mvirt.api.state;

import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import java.util.List;
import java.util.Optional;

/** Reference checks for security groups: peer groups of rules and the groups a NIC lists exist in the project. */
final class SecurityGroupRefs {
    private SecurityGroupRefs() {}

    static Optional<Result> check(Tx tx, String project, String selfId, SecurityGroupSpec s) {
        List<Rule> rules = s.rules();
        for (int i = 0; i < rules.size(); i++) {
            String peer = rules.get(i).peerGroup();
            if (!peer.isEmpty() && !peer.equals(selfId) && !exists(tx, project, peer)) {
                return Optional.of(Rules.invalid("spec.rules[" + i + "].peerGroup", "no security group " + peer));
            }
        }
        return Optional.empty();
    }

    static Optional<Result> checkList(Tx tx, String project, List<String> groups) {
        for (int i = 0; i < groups.size(); i++) {
            if (!exists(tx, project, groups.get(i))) {
                return Optional.of(
                        Rules.invalid("spec.securityGroups[" + i + "]", "no security group " + groups.get(i)));
            }
        }
        return Optional.empty();
    }

    private static boolean exists(Tx tx, String project, String id) {
        return tx.view()
                .securityGroups()
                .get(id)
                .filter(g -> g.meta().project().equals(project))
                .isPresent();
    }
}
