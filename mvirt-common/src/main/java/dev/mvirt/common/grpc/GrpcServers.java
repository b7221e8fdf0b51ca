package dev.mvirt.common.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts gRPC servers on a unix socket (created mode 0660, a stale socket file replaced) or TCP.
 *
 * <p>Called once at daemon start-up; the returned {@link Server} is started. Failures to bind are thrown as
 * {@link UncheckedIOException} naming the endpoint.
 */
public final class GrpcServers {
    private GrpcServers() {}

    /** Starts a server for {@code services} on {@code endpoint}; interceptors apply to every service. */
    public static Server start(
            Endpoint endpoint, List<BindableService> services, List<ServerInterceptor> interceptors) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        NettyServerBuilder builder = switch (endpoint) {
            case Endpoint.Unix u -> {
                prepareSocketPath(u.path());
                yield NettyServerBuilder.forAddress(UnixDomainSocketAddress.of(u.path()))
                        .channelType(NioServerDomainSocketChannel.class);
            }
            case Endpoint.Tcp t ->
                NettyServerBuilder.forAddress(new InetSocketAddress(t.host(), t.port()))
                        .channelType(NioServerSocketChannel.class);
        };
        builder.bossEventLoopGroup(group).workerEventLoopGroup(group).maxInboundMessageSize(16 * 1024 * 1024);
        for (BindableService s : services) {
            builder.addService(ServerInterceptors.intercept(s, interceptors));
        }
        Server server = builder.build();
        try {
            server.start();
        } catch (IOException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new UncheckedIOException("cannot listen on " + endpoint, e);
        }
        if (endpoint instanceof Endpoint.Unix u) {
            setMode0660(u.path());
        }
        return new ClosingServer(server, group);
    }

    /** Starts a server for {@code services} on {@code endpoint}, without interceptors. */
    public static Server start(Endpoint endpoint, BindableService... services) {
        return start(endpoint, List.of(services), List.of());
    }

    private static void prepareSocketPath(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // a socket left by a crashed daemon would make bind fail
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare socket " + path, e);
        }
    }

    private static void setMode0660(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set mode 0660 on " + path, e);
        }
    }
}
