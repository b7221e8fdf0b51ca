package dev.mvirt.node.daemon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory storage daemon: volumes are made-up paths, templates import at once. Selected by {@code --zfs fake}
 * (the default until mvirt-zfs exists).
 */
public final class FakeStorageDaemon implements StorageDaemon {
    private static final long POOL_BYTES = 1L << 40;
    private final Map<String, VolumeState> volumes = new ConcurrentHashMap<>();
    private final Map<String, TemplateState> templates = new ConcurrentHashMap<>();

    @Override
    public List<Pool> pools() {
        long used = volumes.values().stream().mapToLong(VolumeState::sizeBytes).sum();
        return List.of(new Pool("default", POOL_BYTES, POOL_BYTES - used));
    }

    @Override
    public synchronized VolumeState ensureVolume(String id, VolumeRequest r) {
        if (!r.template().isEmpty() && !templates.containsKey(r.template())) {
            throw new DaemonException("volume " + id + ": template " + r.template() + " is not on this host yet");
        }
        VolumeState old = volumes.get(id);
        long size = old == null ? r.sizeBytes() : Math.max(old.sizeBytes(), r.sizeBytes());
        long rollback = old == null ? r.rollbackGeneration() : old.rollbackGeneration();
        if (!r.rollbackTo().isEmpty() && r.rollbackGeneration() > rollback) {
            if (old == null || !old.snapshots().contains(r.rollbackTo())) {
                throw new DaemonException("volume " + id + ": no snapshot " + r.rollbackTo() + " to roll back to");
            }
            rollback = r.rollbackGeneration();
        }
        Set<String> snaps = new HashSet<>(r.snapshots());
        VolumeState next = new VolumeState(id, "/fake/volumes/" + id, size, 0, snaps, rollback);
        volumes.put(id, next);
        return next;
    }

    @Override
    public Optional<VolumeState> volume(String id) {
        return Optional.ofNullable(volumes.get(id));
    }

    @Override
    public List<String> volumeIds() {
        return new ArrayList<>(volumes.keySet());
    }

    @Override
    public void deleteVolume(String id) {
        volumes.remove(id);
    }

    @Override
    public TemplateState ensureTemplate(String id, String source, String format) {
        return templates.computeIfAbsent(id, k -> new TemplateState(id, "READY", 1L << 30, 1L << 30, ""));
    }

    @Override
    public List<String> templateIds() {
        return new ArrayList<>(templates.keySet());
    }

    @Override
    public void deleteTemplate(String id) {
        templates.remove(id);
    }
}
