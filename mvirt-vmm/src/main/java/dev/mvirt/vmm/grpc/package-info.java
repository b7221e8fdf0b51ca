/** The gRPC VmService edge: protobuf codec, error mapping, console streaming. */
@NullMarked
package dev.mvirt.vmm.grpc;

import org.jspecify.annotations.NullMarked;
