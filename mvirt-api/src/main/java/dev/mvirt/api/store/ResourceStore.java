package dev.mvirt.api.store;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.state.Command;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What every kind shares: create, replace spec, set labels, delete, and local reads by id, name or page. */
public interface ResourceStore extends StoreCore {

    /** Creates a resource with a client- or edge-chosen UUID {@code id}; {@code project} is "" for cluster kinds. */
    default CompletableFuture<Outcome> create(
            Caller caller, String id, String project, String name, Map<String, String> labels, Spec spec) {
        return submit(new Command.Create(id, project, name, labels, spec), caller);
    }

    /** Replaces the spec; {@code expectedRevision} 0 means unconditional. */
    default CompletableFuture<Outcome> update(Caller caller, Kind kind, String id, long expectedRevision, Spec spec) {
        return submit(new Command.UpdateSpec(kind, id, expectedRevision, spec), caller);
    }

    /** Replaces the labels. */
    default CompletableFuture<Outcome> setLabels(
            Caller caller, Kind kind, String id, long expectedRevision, Map<String, String> labels) {
        return submit(new Command.SetLabels(kind, id, expectedRevision, labels), caller);
    }

    /** Deletes; {@code force} is honoured where the kind allows it (networks, NICs). */
    default CompletableFuture<Outcome> delete(
            Caller caller, Kind kind, String id, long expectedRevision, boolean force) {
        return submit(new Command.Delete(kind, id, expectedRevision, force), caller);
    }

    /** A resource by id, from local state. */
    default Optional<? extends Resource<?, ?>> get(Kind kind, String id) {
        return read().get(kind, id);
    }

    /** A resource by name within {@code project} ("" for cluster kinds), from local state. */
    default Optional<? extends Resource<?, ?>> byName(Kind kind, String project, String name) {
        return read().table(kind).byName(project, name);
    }

    /** A page of resources in name order after {@code afterKey}, from local state. */
    default List<? extends Resource<?, ?>> page(Kind kind, String project, String afterKey, int limit) {
        return read().table(kind).page(project, afterKey, limit);
    }
}
