/**
 * Pure placement: {@link dev.mvirt.api.scheduler.Scheduler} filters nodes (ready, not cordoned, selector,
 * hypervisor, CPU and memory with overcommit, storage, volume locality, anti-affinity) and scores the rest (spread
 * or binpack), ties broken by node id. Called inside apply, so it never reads a clock or does I/O.
 */
@NullMarked
package dev.mvirt.api.scheduler;

import org.jspecify.annotations.NullMarked;
