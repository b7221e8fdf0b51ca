package dev.mvirt.api.model;

/** Projects have no observed state. */
public record ProjectStatus() implements Status {
    @Override
    public Kind kind() {
        return Kind.PROJECT;
    }
}
