package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.ClusterState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves references in request bodies, given by name or by id, to ids within one project (nodes cluster-wide).
 * A reference to nothing is a 422 naming the field. {@code self} lets a new resource refer to itself by name.
 */
final class Refs {
    private final ClusterState state;
    private final String project;
    private final String selfName;
    private final String selfId;

    Refs(ClusterState state, String project, String selfName, String selfId) {
        this.state = state;
        this.project = project;
        this.selfName = selfName;
        this.selfId = selfId;
    }

    Refs(ClusterState state, String project) {
        this(state, project, "", "");
    }

    /** The id of {@code ref} (a name or an id) of {@code kind}; "" stays "". */
    String id(Kind kind, String ref, String field) {
        if (ref.isEmpty()) {
            return "";
        }
        if (!selfId.isEmpty() && (ref.equals(selfName) || ref.equals(selfId))) {
            return selfId;
        }
        String scope = kind.projectScoped() ? project : "";
        Optional<? extends Resource<?, ?>> byId =
                state.get(kind, ref).filter(r -> r.meta().project().equals(scope));
        if (byId.isPresent()) {
            return ref;
        }
        return state.table(kind)
                .byName(scope, ref)
                .map(Resource::id)
                .orElseThrow(() -> ApiException.invalid(field, "no " + noun(kind) + " '" + ref + "'" + where(kind)));
    }

    /** Each element resolved, with its index in the field name. */
    List<String> ids(Kind kind, List<String> refs, String field) {
        List<String> out = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            out.add(id(kind, refs.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    private String where(Kind kind) {
        return kind.projectScoped() ? " in project " + project : "";
    }

    private static String noun(Kind kind) {
        return switch (kind) {
            case SECURITY_GROUP -> "security group";
            case NIC -> "NIC";
            case VM -> "VM";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
