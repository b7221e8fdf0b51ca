/**
 * Level-triggered reconcilers, one per resource kind: each compares the desired state (the cache) with what its
 * local daemon reports, acts idempotently, and reports the observed status. Keys flow through a {@link
 * dev.mvirt.node.reconcile.WorkQueue} with per-key de-duplication and exponential backoff; a periodic full resync
 * repairs whatever an event missed.
 */
@NullMarked
package dev.mvirt.node.reconcile;

import org.jspecify.annotations.NullMarked;
