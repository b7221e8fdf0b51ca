package dev.mvirt.node.reconcile;

import dev.mvirt.proto.node.v1.ResourceStatus;

/**
 * Where reconcilers put observed statuses. Implementations batch and deliver them to the API asynchronously, every
 * phase a resource reports in order (a newer report of the same phase may replace one not yet sent), and drop a
 * report equal to the last one delivered for its key; {@link #report} never blocks; any thread.
 */
@FunctionalInterface
public interface StatusSink {

    /** Reports {@code status} (its key says which resource). */
    void report(ResourceStatus status);
}
