package dev.mvirt.node.console;

import com.google.protobuf.ByteString;
import dev.mvirt.node.daemon.DaemonException;
import dev.mvirt.node.daemon.VmDaemon;
import dev.mvirt.proto.node.v1.ConsoleFromNode;
import dev.mvirt.proto.node.v1.ConsoleOpen;
import dev.mvirt.proto.node.v1.ConsoleToNode;
import dev.mvirt.proto.node.v1.NodeAuth;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console session: a ConsoleSession call to the API server that asked for it, and the VM's console on the
 * hypervisor daemon. Output goes up, keystrokes and window sizes go down; the first side to end ends both, and the
 * API hears the reason. Thread-safe.
 */
final class ConsoleRelay implements StreamObserver<ConsoleToNode>, VmDaemon.ConsoleListener {
    private static final Logger log = LoggerFactory.getLogger(ConsoleRelay.class);
    private final ConsoleOpen open;
    private final ConsoleSessions sessions;
    private final StreamObserver<ConsoleFromNode> up;
    private volatile VmDaemon.@Nullable Console console;
    private boolean ended;

    private ConsoleRelay(Channel api, ConsoleOpen open, ConsoleSessions sessions) {
        this.open = open;
        this.sessions = sessions;
        // outside the channel's cancellable context: a session ends with its reason, not with the channel's cancel
        io.grpc.Context previous = io.grpc.Context.ROOT.attach();
        try {
            this.up = NodeServiceGrpc.newStub(api).consoleSession(this);
        } finally {
            io.grpc.Context.ROOT.detach(previous);
        }
    }

    /** Answers {@code open} on {@code api}, attaching to the VM on {@code vmm}. */
    static ConsoleRelay start(Channel api, NodeAuth auth, ConsoleOpen open, VmDaemon vmm, ConsoleSessions sessions) {
        ConsoleRelay r = new ConsoleRelay(api, open, sessions);
        r.send(ConsoleFromNode.newBuilder()
                .setAuth(auth)
                .setSessionId(open.getSessionId())
                .build());
        sessions.add(open.getVmId(), r, open.getForce());
        try {
            r.console = vmm.console(
                    open.getVmId(),
                    new VmDaemon.ConsoleOptions(
                            (int) Math.min(open.getReplayBytes(), 1 << 20),
                            open.getSkipReplay(),
                            (int) Math.min(open.getCols(), 10_000),
                            (int) Math.min(open.getRows(), 10_000)),
                    r);
        } catch (DaemonException e) {
            r.end(e.getMessage() == null ? "the console cannot open" : e.getMessage());
        }
        if (r.isEnded()) {
            r.closeConsole();
        }
        log.info("console session opened vm={} session={}", open.getVmId(), open.getSessionId());
        return r;
    }

    /** Ends the session: the API hears {@code reason}; the VM's console is detached. */
    void end(String reason) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            try {
                up.onNext(ConsoleFromNode.newBuilder().setError(reason).build());
                up.onCompleted();
            } catch (RuntimeException e) {
                // the call is already gone: nobody is left to tell
            }
        }
        sessions.remove(open.getVmId(), this);
        closeConsole();
        log.info("console session ended vm={} session={}: {}", open.getVmId(), open.getSessionId(), reason);
    }

    // From the VM's console.

    @Override
    public void output(byte[] data) {
        send(ConsoleFromNode.newBuilder().setData(ByteString.copyFrom(data)).build());
    }

    @Override
    public void ended(String reason) {
        end(reason);
    }

    // From the API server.

    @Override
    public void onNext(ConsoleToNode m) {
        VmDaemon.Console c = console;
        if (c == null) {
            return;
        }
        if (m.getCols() > 0 && m.getRows() > 0) {
            c.resize((int) Math.min(m.getCols(), 10_000), (int) Math.min(m.getRows(), 10_000));
        }
        if (!m.getData().isEmpty()) {
            c.input(m.getData().toByteArray());
        }
    }

    @Override
    public void onError(Throwable t) {
        end("the API server's session call failed");
    }

    @Override
    public void onCompleted() {
        end("the client detached");
    }

    private synchronized boolean isEnded() {
        return ended;
    }

    private synchronized void send(ConsoleFromNode m) {
        if (!ended) {
            up.onNext(m);
        }
    }

    private void closeConsole() {
        VmDaemon.Console c = console;
        if (c != null) {
            c.close();
        }
    }
}
