package dev.mvirt.common.audit;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The mvirt-log {@code LogService} blocking stub the audit writer and reader share: every call gets the same
 * deadline; a channel this stub opened itself is closed with it, a channel it was given stays the caller's.
 */
final class LogStub implements AutoCloseable {
    private final LogServiceGrpc.LogServiceBlockingStub stub;
    private final Optional<ManagedChannel> owned;
    private final Duration deadline;

    private LogStub(Channel channel, Optional<ManagedChannel> owned, Duration deadline) {
        this.stub = LogServiceGrpc.newBlockingStub(channel);
        this.owned = owned;
        this.deadline = deadline;
    }

    static LogStub over(Channel channel, Duration deadline) {
        return new LogStub(channel, Optional.empty(), deadline);
    }

    static LogStub connect(Endpoint endpoint, Duration deadline) {
        ManagedChannel channel = GrpcChannels.open(endpoint);
        return new LogStub(channel, Optional.of(channel), deadline);
    }

    /** The stub for one call, its deadline starting now. */
    LogServiceGrpc.LogServiceBlockingStub call() {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        owned.ifPresent(c -> {
            c.shutdown();
            try {
                if (!c.awaitTermination(2, TimeUnit.SECONDS)) {
                    c.shutdownNow();
                }
            } catch (InterruptedException e) {
                c.shutdownNow();
                Thread.currentThread().interrupt();
            }
        });
    }
}
