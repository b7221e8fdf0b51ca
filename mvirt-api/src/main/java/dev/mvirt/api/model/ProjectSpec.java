package dev.mvirt.api.model;

import java.util.Optional;

/** A project: a namespace for networks, NICs, volumes, templates, security groups and VMs. */
public record ProjectSpec(String description) implements Spec {
    @Override
    public Kind kind() {
        return Kind.PROJECT;
    }

    @Override
    public Optional<FieldError> validate() {
        return Check.text("spec.description", description, 1024);
    }
}
