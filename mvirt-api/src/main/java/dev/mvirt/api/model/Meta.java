package dev.mvirt.api.model;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What every resource has: a UUID {@code id}, the {@code project} it lives in ("" for cluster-wide kinds), a
 * {@code name} unique per kind within the project, {@code labels}, {@code createdAt} (epoch millis, from the
 * command) and {@code revision} (the Raft index that last changed it).
 */
public record Meta(
        String id, String project, String name, SortedMap<String, String> labels, long createdAt, long revision) {
    public Meta {
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** A copy with a new revision. */
    public Meta withRevision(long newRevision) {
        return new Meta(id, project, name, labels, createdAt, newRevision);
    }

    /** A copy with new labels and revision. */
    public Meta withLabels(Map<String, String> newLabels, long newRevision) {
        return new Meta(id, project, name, new TreeMap<>(newLabels), createdAt, newRevision);
    }
}
