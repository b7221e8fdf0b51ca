package dev.mvirt.common.grpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.UnixDomainSocketAddress;

/**
 * Opens gRPC channels to a daemon on a unix socket or TCP. Channels connect lazily, so a daemon that is not up
 * yet is not an error here; calls fail with {@code UNAVAILABLE} until it is.
 */
public final class GrpcChannels {
    // daemon threads: an open channel must not keep a JVM alive after main returns
    private static final EventLoopGroup CLIENT_GROUP = new MultiThreadIoEventLoopGroup(
            2, new DefaultThreadFactory("grpc-client", true), NioIoHandler.newFactory());

    private GrpcChannels() {}

    /** A plaintext channel to {@code endpoint}; the caller shuts it down. */
    public static ManagedChannel open(Endpoint endpoint) {
        NettyChannelBuilder builder = switch (endpoint) {
            case Endpoint.Unix u ->
                NettyChannelBuilder.forAddress(UnixDomainSocketAddress.of(u.path()))
                        .channelType(NioDomainSocketChannel.class, UnixDomainSocketAddress.class);
            case Endpoint.Tcp t ->
                NettyChannelBuilder.forAddress(t.host(), t.port()).channelType(NioSocketChannel.class);
        };
        return builder.eventLoopGroup(CLIENT_GROUP)
                .usePlaintext()
                .maxInboundMessageSize(16 * 1024 * 1024)
                .build();
    }
}
