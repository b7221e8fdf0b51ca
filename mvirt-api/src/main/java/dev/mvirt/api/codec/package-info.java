/**
 * The protobuf form of the Raft log entries ({@link dev.mvirt.api.state.Envelope}) and snapshots
 * ({@link dev.mvirt.api.state.ClusterState}) of mvirt-api, defined in {@code mvirt/api/model.proto} and
 * {@code mvirt/api/state.proto}. Enums are mapped by explicit switches, so renaming a Java constant cannot change
 * the log; bad input is refused as a value ({@link dev.mvirt.api.codec.Decoded.Rejected}), never fatal.
 */
@NullMarked
package dev.mvirt.api.codec;

import org.jspecify.annotations.NullMarked;
