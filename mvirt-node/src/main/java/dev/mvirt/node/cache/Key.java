package dev.mvirt.node.cache;

import dev.mvirt.proto.node.v1.ResourceKey;
import dev.mvirt.proto.node.v1.ResourceKind;

/** A resource of one of the kinds a host realises. */
public record Key(ResourceKind kind, String id) {

    /** The key of a wire key. */
    public static Key of(ResourceKey k) {
        return new Key(k.getKind(), k.getId());
    }

    /** As a wire key. */
    public ResourceKey proto() {
        return ResourceKey.newBuilder().setKind(kind).setId(id).build();
    }

    @Override
    public String toString() {
        return kind.name().substring("RESOURCE_KIND_".length()).toLowerCase(java.util.Locale.ROOT) + "/" + id;
    }
}
