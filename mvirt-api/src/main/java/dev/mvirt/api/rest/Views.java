package dev.mvirt.api.rest;

import dev.mvirt.api.model.NetworkStatus;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.SecurityGroupStatus;
import dev.mvirt.api.model.Status;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeStatus;
import dev.mvirt.api.state.ClusterState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Resources as the API shows them: {@code {id, project, name, labels, revision, createdAt, spec, status}}. */
final class Views {
    private Views() {}

    /** One resource. Status records are plain data and serialize as they are (enums in lower case). */
    record ResourceView(
            String id,
            String project,
            String name,
            Map<String, String> labels,
            long revision,
            long createdAt,
            SpecDto spec,
            Object status) {}

    /** A page of items, the revision it was read at, and where the next page starts ("" for the last page). */
    static Map<String, Object> page(List<?> items, long revision, String next) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("revision", revision);
        if (!next.isEmpty()) {
            m.put("continue", next);
        }
        return m;
    }

    static ResourceView of(Resource<?, ?> r, ClusterState state) {
        return new ResourceView(
                r.id(),
                r.meta().project(),
                r.name(),
                r.meta().labels(),
                r.revision(),
                r.meta().createdAt(),
                SpecDto.of(r.spec()),
                status(r, state));
    }

    private static Object status(Resource<?, ?> r, ClusterState state) {
        if (r.status() instanceof NetworkStatus) {
            return Map.of("allocatedAddresses", state.allocatedAddresses(r.id()));
        }
        return r.status();
    }

    /** The observed phase, in lower case, for {@code ?waitFor=}. */
    static Optional<String> phase(Resource<?, ?> r) {
        Status s = r.status();
        Enum<?> p = switch (s) {
            case VmStatus v -> v.phase();
            case NodeStatus n -> n.phase();
            case NicStatus n -> n.phase();
            case VolumeStatus v -> v.phase();
            case TemplateStatus t -> t.phase();
            case SecurityGroupStatus g -> g.phase();
            case ProjectStatus p2 -> null;
            case NetworkStatus n -> null;
            case dev.mvirt.api.model.LockStatus l -> null;
        };
        return Optional.ofNullable(p).map(e -> e.name().toLowerCase(Locale.ROOT));
    }
}
