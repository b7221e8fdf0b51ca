package dev.mvirt.common.grpc;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.netty.channel.EventLoopGroup;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A started server that also releases its event loop group when shut down. */
final class ClosingServer extends Server {
    private final Server delegate;
    private final EventLoopGroup group;

    ClosingServer(Server delegate, EventLoopGroup group) {
        this.delegate = delegate;
        this.group = group;
    }

    @Override
    public Server start() {
        return this;
    }

    @Override
    public Server shutdown() {
        delegate.shutdown();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public Server shutdownNow() {
        delegate.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        delegate.awaitTermination();
    }

    @Override
    public int getPort() {
        return delegate.getPort();
    }

    @Override
    public List<? extends SocketAddress> getListenSockets() {
        return delegate.getListenSockets();
    }

    @Override
    public List<ServerServiceDefinition> getServices() {
        return delegate.getServices();
    }
}
