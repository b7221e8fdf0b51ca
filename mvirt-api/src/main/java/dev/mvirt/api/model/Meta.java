package dev.mvirt.api.model;

import java.util.Map;
import java.util.SortedMap;
import org.pcollections.TreePMap;

/**
 * What every resource has: a UUID {@code id}, the {@code project} it lives in ("" for cluster-wide kinds), a
 * {@code name} unique per kind within the project, {@code labels}, {@code createdAt} (epoch millis, from the
 * command) and {@code revision} (the Raft index that last changed it).
 *
 * <p>The labels are an immutable sorted map, shared by every version of the resource that did not change them (and
 * one empty map for every resource without labels): the state, the event history and the kept write outcomes all
 * hold resource versions, and a copy per version was a third of their objects.
 */
public record Meta(
        String id, String project, String name, SortedMap<String, String> labels, long createdAt, long revision) {
    private static final TreePMap<String, String> NO_LABELS = TreePMap.empty();

    public Meta {
        labels = immutable(labels);
    }

    /** A copy with a new revision. */
    public Meta withRevision(long newRevision) {
        return new Meta(id, project, name, labels, createdAt, newRevision);
    }

    /** A copy with new labels and revision. */
    public Meta withLabels(Map<String, String> newLabels, long newRevision) {
        return new Meta(id, project, name, immutable(newLabels), createdAt, newRevision);
    }

    private static TreePMap<String, String> immutable(Map<String, String> labels) {
        if (labels instanceof TreePMap<String, String> kept && kept.comparator() == NO_LABELS.comparator()) {
            return kept;
        }
        return labels.isEmpty() ? NO_LABELS : TreePMap.from(labels);
    }
}
