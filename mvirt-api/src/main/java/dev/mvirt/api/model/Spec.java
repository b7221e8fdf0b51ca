package dev.mvirt.api.model;

import java.util.Optional;

/** The desired state of a resource, written by users. Each spec knows its kind and validates itself. */
public sealed interface Spec
        permits ProjectSpec,
                NodeSpec,
                NetworkSpec,
                NicSpec,
                VolumeSpec,
                TemplateSpec,
                SecurityGroupSpec,
                VmSpec,
                LockSpec {

    /** The kind this spec describes. */
    Kind kind();

    /** The first problem with this spec's own fields (not references), naming the field; empty when valid. */
    Optional<FieldError> validate();
}
