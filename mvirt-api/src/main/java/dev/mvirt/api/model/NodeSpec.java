package dev.mvirt.api.model;

import java.util.Optional;

/** What operators decide about a host: whether it takes new VMs ({@code cordoned}) and whether it is draining. */
public record NodeSpec(boolean cordoned, boolean draining) implements Spec {
    @Override
    public Kind kind() {
        return Kind.NODE;
    }

    @Override
    public Optional<FieldError> validate() {
        return Optional.empty();
    }
}
