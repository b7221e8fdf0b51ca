/** The gRPC LogService edge: validation, protobuf mapping, status mapping. */
@NullMarked
package dev.mvirt.log.grpc;

import org.jspecify.annotations.NullMarked;
