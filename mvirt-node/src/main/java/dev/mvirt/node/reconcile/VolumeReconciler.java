package dev.mvirt.node.reconcile;

import dev.mvirt.node.cache.DesiredCache;
import dev.mvirt.node.cache.Key;
import dev.mvirt.node.daemon.DaemonException;
import dev.mvirt.node.daemon.StorageDaemon;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.ResourceObserved;
import dev.mvirt.proto.node.v1.Snapshot;
import dev.mvirt.proto.node.v1.VolumeDesired;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Volumes: created (from their template when they have one), grown, snapshotted and rolled back to match, and
 * destroyed when no longer desired here. A failure is reported FAILED with the daemon's reason and retried.
 */
public final class VolumeReconciler implements Reconciler {
    private final DesiredCache cache;
    private final StorageDaemon storage;
    private final StatusSink sink;

    public VolumeReconciler(DesiredCache cache, StorageDaemon storage, StatusSink sink) {
        this.cache = cache;
        this.storage = storage;
        this.sink = sink;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.RESOURCE_KIND_VOLUME;
    }

    @Override
    public Collection<String> observed() {
        return storage.volumeIds();
    }

    @Override
    public void reconcile(String id) {
        Optional<DesiredResource> want = cache.get(new Key(kind(), id));
        if (want.isEmpty()) {
            storage.deleteVolume(id);
            return;
        }
        VolumeDesired d = want.get().getVolume();
        StorageDaemon.VolumeRequest req = new StorageDaemon.VolumeRequest(
                d.getSizeBytes(),
                d.getTemplate(),
                d.getPool(),
                d.getSnapshotsList().stream().map(Snapshot::getName).collect(Collectors.toSet()),
                d.getRollbackTo(),
                d.getRollbackGeneration());
        try {
            StorageDaemon.VolumeState s = storage.ensureVolume(id, req);
            sink.report(Statuses.resource(
                    kind(),
                    id,
                    ResourceObserved.newBuilder()
                            .setPhase("READY")
                            .setPath(s.path())
                            .setUsedBytes(s.usedBytes())
                            .setRollbackGeneration(s.rollbackGeneration())));
        } catch (DaemonException e) {
            sink.report(Statuses.resource(
                    kind(),
                    id,
                    ResourceObserved.newBuilder().setPhase("FAILED").setMessage(String.valueOf(e.getMessage()))));
            throw e;
        }
    }
}
