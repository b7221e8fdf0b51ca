/** gRPC servers and channels over unix domain sockets (Netty NIO, no native library) or TCP. */
@NullMarked
package dev.mvirt.common.grpc;

import org.jspecify.annotations.NullMarked;
