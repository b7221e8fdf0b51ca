package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;

/** A change caused by applying the entry at {@code revision}: the resource after it (before it, for DELETED). */
public record Event(long revision, Type type, Resource<?, ?> resource) {

    /** What happened to the resource. */
    public enum Type {
        CREATED,
        UPDATED,
        DELETED
    }

    /** The resource's kind. */
    public Kind kind() {
        return resource.kind();
    }
}
