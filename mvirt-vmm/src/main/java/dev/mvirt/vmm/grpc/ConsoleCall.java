package dev.mvirt.vmm.grpc;

import com.google.protobuf.ByteString;
import dev.mvirt.proto.vmm.v1.ConsoleInput;
import dev.mvirt.proto.vmm.v1.ConsoleOutput;
import dev.mvirt.vmm.console.ConsoleListener;
import dev.mvirt.vmm.console.VmConsole;
import dev.mvirt.vmm.console.WindowSize;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.service.VmService;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.jspecify.annotations.Nullable;

/**
 * One Console call: the first message names the VM and attaches (replaying recent output unless skip_replay);
 * later ones are keystrokes. Any message with cols and rows records the client's window size on the console.
 */
final class ConsoleCall implements StreamObserver<ConsoleInput>, ConsoleListener {
    private static final int DEFAULT_REPLAY = 64 * 1024;
    private final VmService vms;
    private final ServerCallStreamObserver<ConsoleOutput> out;
    private @Nullable VmConsole console;
    private boolean finished;

    ConsoleCall(VmService vms, ServerCallStreamObserver<ConsoleOutput> out) {
        this.vms = vms;
        this.out = out;
        out.setOnCancelHandler(this::detach);
    }

    @Override
    public void onNext(ConsoleInput in) {
        VmConsole c = console;
        if (c == null) {
            try {
                c = vms.console(new VmId(in.getVmId()));
            } catch (RuntimeException e) {
                fail(GrpcErrors.map(e));
                return;
            }
            console = c;
            c.attach(this, replayBytes(in));
        }
        if (in.getCols() > 0 && in.getRows() > 0 && !resize(c, in)) {
            return;
        }
        if (!in.getData().isEmpty() && !c.input(in.getData().toByteArray())) {
            fail(Status.UNAVAILABLE
                    .withDescription("console of vm " + in.getVmId() + " is not connected")
                    .asRuntimeException());
        }
    }

    /** The replay the first message asks for: none with skip_replay, 64 KiB for 0, at most 1 MiB. */
    static int replayBytes(ConsoleInput in) {
        if (in.getSkipReplay()) {
            return 0;
        }
        return in.getReplayBytes() == 0 ? DEFAULT_REPLAY : (int) Math.min(in.getReplayBytes(), 1 << 20);
    }

    private boolean resize(VmConsole c, ConsoleInput in) {
        try {
            c.resize(new WindowSize((int) Math.min(in.getCols(), 100_000), (int) Math.min(in.getRows(), 100_000)));
            return true;
        } catch (IllegalArgumentException e) {
            fail(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return false;
        }
    }

    @Override
    public void onError(Throwable t) {
        detach();
    }

    @Override
    public void onCompleted() {
        detach();
        ended();
    }

    @Override
    public synchronized void output(byte[] data) {
        if (!finished && !out.isCancelled()) {
            out.onNext(ConsoleOutput.newBuilder()
                    .setData(ByteString.copyFrom(data))
                    .build());
        }
    }

    @Override
    public synchronized void ended() {
        if (!finished && !out.isCancelled()) {
            finished = true;
            out.onCompleted();
        }
    }

    private synchronized void fail(RuntimeException e) {
        if (!finished && !out.isCancelled()) {
            finished = true;
            out.onError(e);
        }
        detach();
    }

    private void detach() {
        VmConsole c = console;
        if (c != null) {
            c.detach(this);
        }
    }
}
