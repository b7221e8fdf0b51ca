package dev.mvirt.node.reconcile;

import dev.mvirt.proto.node.v1.ResourceKind;
import java.util.Collection;

/**
 * Brings one kind of resource on this host to its desired state. {@link #reconcile} is level-triggered and
 * idempotent: it reads the desired state from the cache and the actual state from the daemon, acts, and reports
 * the observed status. It throws (any unchecked exception) to be retried with backoff. Called by one {@link
 * ReconcileLoop} worker at a time per key.
 */
public interface Reconciler {

    /** The kind this reconciler handles. */
    ResourceKind kind();

    /** Converges resource {@code id}: creates, changes or removes it locally, and reports what it sees. */
    void reconcile(String id);

    /** The ids the local daemon holds of this kind (a full resync also visits these, to remove leftovers). */
    Collection<String> observed();
}
