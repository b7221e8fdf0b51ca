package dev.mvirt.api.model;

import java.util.List;
import java.util.Optional;

/**
 * A disk. {@code node} pins it to a host ("" lets the cluster choose when a VM first uses it); {@code template}
 * is the id of the template it is cloned from ("" for an empty volume); {@code pool} the storage pool.
 * {@code snapshots} are the desired snapshots; {@code rollbackTo}/{@code rollbackGeneration} request a rollback
 * (the generation grows with each request so the host can tell a new one from one it already did).
 */
public record VolumeSpec(
        String node,
        long sizeBytes,
        String template,
        String pool,
        List<Snapshot> snapshots,
        String rollbackTo,
        long rollbackGeneration)
        implements Spec {
    /** Smallest volume: 1 MiB. */
    public static final long MIN_BYTES = 1L << 20;
    /** Largest volume: 64 TiB. */
    public static final long MAX_BYTES = 64L << 40;

    public VolumeSpec {
        snapshots = List.copyOf(snapshots);
    }

    @Override
    public Kind kind() {
        return Kind.VOLUME;
    }

    @Override
    public Optional<FieldError> validate() {
        return Check.first(
                () -> Check.range("spec.sizeBytes", sizeBytes, MIN_BYTES, MAX_BYTES),
                () -> Check.optionalName("spec.pool", pool),
                () -> snapshots.size() > 256 ? Check.fail("spec.snapshots", "at most 256") : Optional.empty());
    }

    /** A copy with another size. */
    public VolumeSpec withSize(long bytes) {
        return new VolumeSpec(node, bytes, template, pool, snapshots, rollbackTo, rollbackGeneration);
    }

    /** A copy with other snapshots. */
    public VolumeSpec withSnapshots(List<Snapshot> list) {
        return new VolumeSpec(node, sizeBytes, template, pool, list, rollbackTo, rollbackGeneration);
    }

    /** A copy requesting a rollback to {@code snapshot}. */
    public VolumeSpec withRollback(String snapshot) {
        return new VolumeSpec(node, sizeBytes, template, pool, snapshots, snapshot, rollbackGeneration + 1);
    }

    /** A copy pinned to {@code nodeId}. */
    public VolumeSpec withNode(String nodeId) {
        return new VolumeSpec(nodeId, sizeBytes, template, pool, snapshots, rollbackTo, rollbackGeneration);
    }

    /** True when a snapshot of that name is desired. */
    public boolean hasSnapshot(String name) {
        return snapshots.stream().anyMatch(s -> s.name().equals(name));
    }
}
