/**
 * The gRPC NodeService that hosts' agents talk to: registration with a join token, heartbeats (counted by the
 * leader only), the per-host desired-state stream, and status reports. Thin handlers over {@code DataStore};
 * protobuf mapping and error mapping each live in one class.
 */
@NullMarked
package dev.mvirt.api.grpc;

import org.jspecify.annotations.NullMarked;
