package dev.mvirt.node.api;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The API servers' NodeService addresses ({@code --api}), one channel each. Users of the endpoints keep their own
 * {@link Cursor}, so the spec stream, the status reports and the heartbeats each fail over independently.
 */
public final class ApiEndpoints implements AutoCloseable {
    private final List<String> names;
    private final List<ManagedChannel> channels;

    private ApiEndpoints(List<String> names, List<ManagedChannel> channels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("--api: at least one API server address is needed");
        }
        this.names = List.copyOf(names);
        this.channels = List.copyOf(channels);
    }

    /** Channels to {@code endpoints}, connecting lazily. */
    public static ApiEndpoints open(List<Endpoint> endpoints) {
        return new ApiEndpoints(
                endpoints.stream().map(Endpoint::toString).toList(),
                endpoints.stream().map(GrpcChannels::open).toList());
    }

    /** Over channels made by the caller (tests). */
    public static ApiEndpoints over(List<String> names, List<ManagedChannel> channels) {
        return new ApiEndpoints(names, channels);
    }

    /** A new cursor starting at the first endpoint. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** How many endpoints there are. */
    public int size() {
        return channels.size();
    }

    @Override
    public void close() {
        channels.forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel c : channels) {
            try {
                c.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One user's position in the endpoint list. Not shared between threads. */
    public final class Cursor {
        private int index;

        /** A blocking stub to the current endpoint. */
        public NodeServiceGrpc.NodeServiceBlockingStub stub() {
            return NodeServiceGrpc.newBlockingStub(channels.get(index));
        }

        /** The current endpoint's address. */
        public String name() {
            return names.get(index);
        }

        /** Moves to the next endpoint (wrapping around). */
        public void next() {
            index = (index + 1) % channels.size();
        }
    }
}
