package dev.mvirt.node.reconcile;

import dev.mvirt.proto.node.v1.ResourceStatus;

/**
 * Where reconcilers put observed statuses. Implementations batch and deliver them to the API asynchronously and
 * drop a report equal to the last one delivered for its key; never blocks, any thread.
 */
@FunctionalInterface
public interface StatusSink {

    /** Reports {@code status} (its key says which resource). */
    void report(ResourceStatus status);
}
