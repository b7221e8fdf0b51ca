/**
 * The agent's side of the NodeService: its persisted identity, registration, heartbeats (moved to whichever API
 * server counts them, the leader), the spec stream with resume and endpoint failover, and batched status reports.
 */
@NullMarked
package dev.mvirt.node.api;

import org.jspecify.annotations.NullMarked;
