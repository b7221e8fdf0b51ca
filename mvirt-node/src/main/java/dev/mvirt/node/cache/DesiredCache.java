package dev.mvirt.node.cache;

import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.SpecUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host's desired state. {@link #apply} takes one {@link SpecUpdate}: a snapshot replaces everything, a delta
 * upserts and removes; an upsert at a revision not newer than the one held is ignored, so a resent or reordered
 * update is harmless. Networks and security groups are held exactly while a held NIC refers to them (the server
 * applies the same rule). After each update the cache is written to its file (atomically) before the changed keys
 * are returned. Thread-safe.
 */
public final class DesiredCache {
    private final Optional<Path> file;
    private final AppliedLog log;
    private final Map<Key, DesiredResource> resources = new HashMap<>();
    private long revision;

    private DesiredCache(Optional<Path> file, AppliedLog log) {
        this.file = file;
        this.log = log;
    }

    /** A cache kept in {@code file}, loaded from it when it exists. */
    public static DesiredCache open(Path file, AppliedLog log) {
        DesiredCache c = new DesiredCache(Optional.of(file), log);
        if (Files.exists(file)) {
            try {
                SpecUpdate saved = SpecUpdate.parseFrom(Files.readAllBytes(file));
                saved.getUpsertsList().forEach(r -> c.resources.put(Key.of(r.getKey()), r));
                c.revision = saved.getRevision();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read desired-state cache " + file, e);
            }
        }
        return c;
    }

    /** A cache in memory only. */
    public static DesiredCache inMemory(AppliedLog log) {
        return new DesiredCache(Optional.empty(), log);
    }

    /** The stream revision to resume from (0: none yet). */
    public synchronized long revision() {
        return revision;
    }

    /** The desired resource at {@code key}. */
    public synchronized Optional<DesiredResource> get(Key key) {
        return Optional.ofNullable(resources.get(key));
    }

    /** The ids held of {@code kind}. */
    public synchronized Set<String> ids(ResourceKind kind) {
        Set<String> ids = new HashSet<>();
        resources.keySet().stream().filter(k -> k.kind() == kind).forEach(k -> ids.add(k.id()));
        return ids;
    }

    /** Every key held. */
    public synchronized Set<Key> keys() {
        return new HashSet<>(resources.keySet());
    }

    /** Applies {@code u}, persists, and answers the keys whose desired state changed (spec or presence). */
    public synchronized Set<Key> apply(SpecUpdate u) {
        Set<Key> changed = new LinkedHashSet<>();
        if (u.getSnapshot()) {
            Set<Key> incoming = new HashSet<>();
            u.getUpsertsList().forEach(r -> incoming.add(Key.of(r.getKey())));
            for (Key k : List.copyOf(resources.keySet())) {
                if (!incoming.contains(k)) {
                    remove(k, changed);
                }
            }
        }
        u.getUpsertsList().forEach(r -> upsert(r, changed));
        u.getRemovalsList().forEach(k -> remove(Key.of(k), changed));
        collectUnreferenced(changed);
        revision = Math.max(revision, u.getRevision());
        save();
        return changed;
    }

    private void upsert(DesiredResource r, Set<Key> changed) {
        Key k = Key.of(r.getKey());
        DesiredResource old = resources.get(k);
        if (old != null && old.getRevision() >= r.getRevision()) {
            return;
        }
        resources.put(k, r);
        log.applied(k, r.getRevision());
        if (old == null || !sameSpec(old, r)) {
            changed.add(k);
        }
    }

    private void remove(Key k, Set<Key> changed) {
        if (resources.remove(k) != null) {
            log.removed(k);
            changed.add(k);
        }
    }

    /** Drops networks and security groups no held NIC refers to. */
    private void collectUnreferenced(Set<Key> changed) {
        Set<Key> used = new HashSet<>();
        for (DesiredResource r : resources.values()) {
            if (r.hasNic()) {
                used.add(new Key(ResourceKind.RESOURCE_KIND_NETWORK, r.getNic().getNetwork()));
                r.getNic()
                        .getSecurityGroupsList()
                        .forEach(id -> used.add(new Key(ResourceKind.RESOURCE_KIND_SECURITY_GROUP, id)));
            }
        }
        for (Key k : List.copyOf(resources.keySet())) {
            boolean derived = k.kind() == ResourceKind.RESOURCE_KIND_NETWORK
                    || k.kind() == ResourceKind.RESOURCE_KIND_SECURITY_GROUP;
            if (derived && !used.contains(k)) {
                remove(k, changed);
            }
        }
    }

    private static boolean sameSpec(DesiredResource a, DesiredResource b) {
        return a.toBuilder()
                .clearRevision()
                .build()
                .equals(b.toBuilder().clearRevision().build());
    }

    private void save() {
        if (file.isEmpty()) {
            return;
        }
        Path f = file.get();
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        SpecUpdate all = SpecUpdate.newBuilder()
                .setRevision(revision)
                .setSnapshot(true)
                .addAllUpserts(resources.values())
                .build();
        try {
            Files.write(tmp, all.toByteArray());
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write desired-state cache " + f, e);
        }
    }
}
