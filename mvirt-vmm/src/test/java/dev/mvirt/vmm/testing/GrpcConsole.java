package dev.mvirt.vmm.testing;

import com.google.protobuf.ByteString;
import dev.mvirt.proto.vmm.v1.ConsoleInput;
import dev.mvirt.proto.vmm.v1.ConsoleOutput;
import dev.mvirt.proto.vmm.v1.VmServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A Console call from a test: collects output (replay first), types, waits for text. */
public final class GrpcConsole implements AutoCloseable {
    private final StringBuffer seen = new StringBuffer();
    private final StreamObserver<ConsoleInput> in;

    public GrpcConsole(VmServiceGrpc.VmServiceStub stub, String vmId) {
        in = stub.console(new StreamObserver<>() {
            @Override
            public void onNext(ConsoleOutput o) {
                seen.append(o.getData().toString(StandardCharsets.UTF_8));
            }

            @Override
            public void onError(Throwable t) {
                seen.append("\n[console error: ").append(t).append("]\n");
            }

            @Override
            public void onCompleted() {}
        });
        in.onNext(ConsoleInput.newBuilder().setVmId(vmId).build());
    }

    public void type(String text) {
        in.onNext(
                ConsoleInput.newBuilder().setData(ByteString.copyFromUtf8(text)).build());
    }

    public void await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("console never showed '" + text + "'; saw: " + seen);
            }
            Thread.sleep(20);
        }
    }

    public String seen() {
        return seen.toString();
    }

    @Override
    public void close() {
        in.onCompleted();
    }
}
