package dev.mvirt.node.reconcile;

import dev.mvirt.proto.node.v1.ResourceStatus;
import java.time.Duration;

/**
 * Where reconcilers put observed statuses. Implementations batch and deliver them to the API asynchronously and
 * drop a report equal to the last one delivered for its key; {@link #report} never blocks; any thread.
 */
@FunctionalInterface
public interface StatusSink {

    /** Reports {@code status} (its key says which resource). */
    void report(ResourceStatus status);

    /**
     * Reports {@code status} and waits, at most {@code max}, until it is delivered: for a transition that must be
     * seen even when the next report for the same resource follows at once (only the newest waiting report of a
     * resource is sent). Answers whether it was delivered in time; this default only reports (a sink that delivers
     * each report at once).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    default boolean reportAndWait(ResourceStatus status, Duration max) throws InterruptedException {
        report(status);
        return true;
    }
}
