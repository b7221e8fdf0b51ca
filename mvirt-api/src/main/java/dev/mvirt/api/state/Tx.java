package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Settings;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcollections.PMap;

/**
 * The working copy of one apply: starts from a state, collects changes and events, and yields the next state only
 * when the command succeeded (a rejected command's Tx is dropped, so nothing is half-applied).
 */
final class Tx {
    final long index;
    final Envelope envelope;
    final Placer placer;
    private final ClusterState base;
    private Tables tables;
    private Settings settings;
    private PMap<String, PMap<String, String>> addresses;
    private VmIndex usage;
    private final List<Event> events = new ArrayList<>();

    Tx(ClusterState base, long index, Envelope envelope, Placer placer) {
        this.base = base;
        this.index = index;
        this.envelope = envelope;
        this.placer = placer;
        this.tables = base.tables;
        this.settings = base.settings;
        this.addresses = base.addresses;
        this.usage = base.usage;
    }

    /** The state as changed so far (for the placer and for lookups). */
    ClusterState view() {
        return new ClusterState(index, tables, settings, base.idempotency, addresses, usage);
    }

    /** The state as changed so far, without {@code vm}'s reservation (to re-check a resize on its own node). */
    ClusterState viewWithout(Resource<VmSpec, VmStatus> vm) {
        return new ClusterState(
                index, tables.remove(Kind.VM, vm.id()), settings, base.idempotency, addresses, usage.add(vm, -1));
    }

    long now() {
        return envelope.timeMillis();
    }

    <R extends Resource<?, ?>> Optional<R> get(Kind kind, String id) {
        @SuppressWarnings("unchecked")
        Optional<R> r = (Optional<R>) tables.of(kind).get(id);
        return r;
    }

    /** Inserts or replaces {@code r} at this index, recording a CREATED or UPDATED event. */
    @SuppressWarnings("unchecked")
    <S extends dev.mvirt.api.model.Spec, T extends dev.mvirt.api.model.Status> Resource<S, T> put(Resource<S, T> r) {
        Resource<S, T> next = new Resource<>(r.meta().withRevision(index), r.spec(), r.status());
        Optional<Resource<?, ?>> old = get(r.kind(), r.id());
        old.ifPresent(this::unindex);
        tables = tables.put(next);
        index(next);
        events.add(new Event(index, old.isPresent() ? Event.Type.UPDATED : Event.Type.CREATED, next));
        return next;
    }

    /** Removes {@code r}, recording a DELETED event. */
    void remove(Resource<?, ?> r) {
        unindex(r);
        tables = tables.remove(r.kind(), r.id());
        events.add(new Event(
                index, Event.Type.DELETED, new Resource<>(r.meta().withRevision(index), r.spec(), r.status())));
    }

    void settings(Settings next) {
        settings = next;
    }

    Settings settings() {
        return settings;
    }

    List<Event> events() {
        return events;
    }

    ClusterState commit(PMap<String, IdempotencyRecord> idempotency) {
        return new ClusterState(index, tables, settings, idempotency, addresses, usage);
    }

    @SuppressWarnings("unchecked")
    private void index(Resource<?, ?> r) {
        if (r.kind() == Kind.NIC) {
            addresses = Indexes.addNic(addresses, (Resource<NicSpec, NicStatus>) r);
        } else if (r.kind() == Kind.VM) {
            usage = usage.add((Resource<VmSpec, VmStatus>) r, 1);
        }
    }

    @SuppressWarnings("unchecked")
    private void unindex(Resource<?, ?> r) {
        if (r.kind() == Kind.NIC) {
            addresses = Indexes.removeNic(addresses, (Resource<NicSpec, NicStatus>) r);
        } else if (r.kind() == Kind.VM) {
            usage = usage.add((Resource<VmSpec, VmStatus>) r, -1);
        }
    }
}
