package dev.mvirt.api.model;

import java.util.List;
import java.util.Optional;

/** A set of allow rules applied to every NIC that lists the group. */
public record SecurityGroupSpec(String description, List<Rule> rules) implements Spec {
    public SecurityGroupSpec {
        rules = List.copyOf(rules);
    }

    @Override
    public Kind kind() {
        return Kind.SECURITY_GROUP;
    }

    @Override
    public Optional<FieldError> validate() {
        if (rules.size() > 256) {
            return Check.fail("spec.rules", "at most 256 rules");
        }
        for (int i = 0; i < rules.size(); i++) {
            Optional<FieldError> e = rules.get(i).validate("spec.rules[" + i + "]");
            if (e.isPresent()) {
                return e;
            }
        }
        return Check.text("spec.description", description, 1024);
    }
}
