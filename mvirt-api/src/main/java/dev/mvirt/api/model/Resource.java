package dev.mvirt.api.model;

/**
 * One resource of any kind: metadata, desired {@code spec} and observed {@code status}. The kind follows from the
 * spec type.
 */
public record Resource<S extends Spec, T extends Status>(Meta meta, S spec, T status) {

    /** The kind of this resource. */
    public Kind kind() {
        return spec.kind();
    }

    /** Shorthand for {@code meta().id()}. */
    public String id() {
        return meta.id();
    }

    /** Shorthand for {@code meta().name()}. */
    public String name() {
        return meta.name();
    }

    /** Shorthand for {@code meta().revision()}. */
    public long revision() {
        return meta.revision();
    }

    /** A copy with a new spec at {@code revision}. */
    public Resource<S, T> withSpec(S newSpec, long revision) {
        return new Resource<>(meta.withRevision(revision), newSpec, status);
    }

    /** A copy with a new status at {@code revision}. */
    public Resource<S, T> withStatus(T newStatus, long revision) {
        return new Resource<>(meta.withRevision(revision), spec, newStatus);
    }
}
