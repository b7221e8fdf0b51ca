package dev.mvirt.log.grpc;

import dev.mvirt.log.model.Cursor;
import dev.mvirt.log.model.Page;
import dev.mvirt.log.service.Follow;
import dev.mvirt.proto.log.v1.QueryResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.locks.LockSupport;

/** Feeds a follow stream to a gRPC server stream, waiting while the client is not ready (flow control). */
final class GrpcPageSink implements Follow.PageSink {
    private final ServerCallStreamObserver<QueryResponse> out;
    private volatile boolean cancelled;

    GrpcPageSink(ServerCallStreamObserver<QueryResponse> out) {
        this.out = out;
        out.setOnCancelHandler(() -> cancelled = true);
    }

    @Override
    public void send(Page page, Cursor next) {
        while (!out.isReady() && !cancelled) {
            LockSupport.parkNanos(5_000_000);
        }
        if (!cancelled) {
            synchronized (this) {
                out.onNext(ProtoCodec.page(page, next, true));
            }
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    synchronized void complete() {
        if (!cancelled) {
            out.onCompleted();
        }
    }

    synchronized void fail(StatusRuntimeException e) {
        if (!cancelled) {
            out.onError(e);
        }
    }
}
