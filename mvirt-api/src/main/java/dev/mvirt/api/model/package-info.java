/**
 * Immutable records for every resource: metadata, spec (desired, written by users) and status (observed, written
 * by agents). Plain data and validation; no I/O, no clock, no JSON or protobuf annotations.
 */
@NullMarked
package dev.mvirt.api.model;

import org.jspecify.annotations.NullMarked;
