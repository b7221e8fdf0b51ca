package dev.mvirt.node.daemon;

import com.google.protobuf.ByteString;
import dev.mvirt.proto.vmm.v1.ConsoleInput;
import dev.mvirt.proto.vmm.v1.ConsoleOutput;
import dev.mvirt.proto.vmm.v1.VmServiceGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** A console attached through mvirt-vmm's {@code Console} call; see {@link VmDaemon#console}. */
final class GrpcConsole implements VmDaemon.Console, StreamObserver<ConsoleOutput> {
    private final String vm;
    private final VmDaemon.ConsoleListener listener;
    private final StreamObserver<ConsoleInput> in;
    private boolean closed;

    private GrpcConsole(Channel channel, String vm, VmDaemon.ConsoleListener listener) {
        this.vm = vm;
        this.listener = listener;
        this.in = VmServiceGrpc.newStub(channel).console(this);
    }

    static GrpcConsole attach(Channel channel, String vm, VmDaemon.ConsoleOptions o, VmDaemon.ConsoleListener l) {
        GrpcConsole c = new GrpcConsole(channel, vm, l);
        c.send(ConsoleInput.newBuilder()
                .setVmId(vm)
                .setReplayBytes(Math.max(0, o.replayBytes()))
                .setSkipReplay(o.skipReplay())
                .setCols(Math.max(0, o.cols()))
                .setRows(Math.max(0, o.rows()))
                .build());
        return c;
    }

    @Override
    public void input(byte[] data) {
        send(ConsoleInput.newBuilder().setData(ByteString.copyFrom(data)).build());
    }

    @Override
    public void resize(int cols, int rows) {
        send(ConsoleInput.newBuilder().setCols(cols).setRows(rows).build());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            in.onCompleted();
        }
    }

    @Override
    public void onNext(ConsoleOutput out) {
        if (!isClosed()) {
            listener.output(out.getData().toByteArray());
        }
    }

    @Override
    public void onError(Throwable t) {
        Status s = Status.fromThrowable(t);
        String why = switch (s.getCode()) {
            case NOT_FOUND -> "vm " + vm + " is not defined on this host";
            case UNAVAILABLE -> "mvirt-vmm on this host is unreachable";
            default -> s.getDescription() == null ? s.getCode().toString() : s.getDescription();
        };
        end(why);
    }

    @Override
    public void onCompleted() {
        end("the VM's console ended (the VM stopped)");
    }

    private void end(String why) {
        boolean tell;
        synchronized (this) {
            tell = !closed;
            closed = true;
        }
        if (tell) {
            listener.ended(why);
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void send(ConsoleInput m) {
        if (!closed) {
            in.onNext(m);
        }
    }
}
