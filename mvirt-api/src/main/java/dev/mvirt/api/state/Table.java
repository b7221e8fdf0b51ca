package dev.mvirt.api.state;

import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pcollections.PMap;
import org.pcollections.TreePMap;

/**
 * The resources of one kind, as a persistent (immutable, structurally shared) map by id plus a sorted index by
 * {@code project/name}. Every change returns a new table in O(log n), so a reader can hold a state of one
 * revision while the apply thread builds the next.
 */
public final class Table<S extends Spec, T extends Status> {
    private static final Table<?, ?> EMPTY = new Table<>(HashTrie.empty(), TreePMap.empty());

    private final PMap<String, Resource<S, T>> byId;
    private final TreePMap<String, String> byName;

    private Table(PMap<String, Resource<S, T>> byId, TreePMap<String, String> byName) {
        this.byId = byId;
        this.byName = byName;
    }

    /** The empty table. */
    @SuppressWarnings("unchecked")
    public static <S extends Spec, T extends Status> Table<S, T> empty() {
        return (Table<S, T>) EMPTY;
    }

    /** The key of the name index: project and name, separated by a character no name may contain. */
    public static String nameKey(String project, String name) {
        return project + "/" + name;
    }

    /** The resource with {@code id}. */
    public Optional<Resource<S, T>> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The resource named {@code name} in {@code project} ("" for cluster-wide kinds). */
    public Optional<Resource<S, T>> byName(String project, String name) {
        String id = byName.get(nameKey(project, name));
        return id == null ? Optional.empty() : get(id);
    }

    /** A table with {@code r} inserted or replaced; the name index follows the resource's name. */
    public Table<S, T> put(Resource<S, T> r) {
        Resource<S, T> old = byId.get(r.id());
        if (old != null
                && old.name().equals(r.name())
                && old.meta().project().equals(r.meta().project())) {
            return new Table<>(byId.plus(r.id(), r), byName); // an update in place: the name index stays as it is
        }
        String key = nameKey(r.meta().project(), r.name());
        TreePMap<String, String> names = byName;
        if (old != null && !nameKey(old.meta().project(), old.name()).equals(key)) {
            names = names.minus(nameKey(old.meta().project(), old.name())); // never leave a stale name behind
        }
        return new Table<>(byId.plus(r.id(), r), names.plus(key, r.id()));
    }

    /** A table without {@code id}. */
    public Table<S, T> remove(String id) {
        Resource<S, T> r = byId.get(id);
        if (r == null) {
            return this;
        }
        return new Table<>(byId.minus(id), byName.minus(nameKey(r.meta().project(), r.name())));
    }

    /** Every resource, in no particular order. */
    public Collection<Resource<S, T>> all() {
        return byId.values();
    }

    /**
     * Up to {@code limit} resources in name order whose name key is after {@code afterKey} ("" from the start),
     * restricted to {@code project} when it is not "".
     */
    public List<Resource<S, T>> page(String project, String afterKey, int limit) {
        String from = afterKey.isEmpty() ? (project.isEmpty() ? "" : project + "/") : afterKey;
        List<Resource<S, T>> out = new ArrayList<>(Math.min(limit, 1024));
        for (var e : byName.tailMap(from, afterKey.isEmpty()).entrySet()) {
            if (!project.isEmpty() && !e.getKey().startsWith(project + "/")) {
                break;
            }
            if (out.size() >= limit) {
                break;
            }
            Resource<S, T> r = byId.get(e.getValue());
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** The number of resources. */
    public int size() {
        return byId.size();
    }
}
