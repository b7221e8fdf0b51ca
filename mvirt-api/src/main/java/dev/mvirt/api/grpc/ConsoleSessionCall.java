package dev.mvirt.api.grpc;

import com.google.protobuf.ByteString;
import dev.mvirt.api.console.ConsoleBroker;
import dev.mvirt.api.console.ConsoleLink;
import dev.mvirt.api.console.NodeEnd;
import dev.mvirt.proto.node.v1.ConsoleFromNode;
import dev.mvirt.proto.node.v1.ConsoleToNode;
import dev.mvirt.proto.node.v1.NodeAuth;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One ConsoleSession call from an agent: the first message authenticates and names the session; later ones carry
 * guest output, or the reason the session ended. Client keystrokes and window sizes go down this call.
 */
final class ConsoleSessionCall implements StreamObserver<ConsoleFromNode>, NodeEnd {
    private static final String AGENT_LOST = "the host's agent disconnected";
    private final ConsoleBroker broker;
    private final Function<NodeAuth, String> authenticate;
    private final ServerCallStreamObserver<ConsoleToNode> out;
    private volatile @Nullable ConsoleLink link;
    private boolean done;

    ConsoleSessionCall(
            ConsoleBroker broker,
            Function<NodeAuth, String> authenticate,
            ServerCallStreamObserver<ConsoleToNode> out) {
        this.broker = broker;
        this.authenticate = authenticate;
        this.out = out;
        out.setOnCancelHandler(() -> ended(AGENT_LOST));
    }

    @Override
    public void onNext(ConsoleFromNode m) {
        ConsoleLink l = link;
        if (l == null) {
            l = open(m);
            if (l == null) {
                return;
            }
        }
        if (!m.getData().isEmpty()) {
            l.output(m.getData().toByteArray());
        }
        if (!m.getError().isEmpty()) {
            l.nodeClosed(m.getError());
        }
    }

    @Override
    public void onError(Throwable t) {
        ended(AGENT_LOST);
    }

    @Override
    public void onCompleted() {
        ended("the host's agent ended the session");
    }

    @Override
    public synchronized void input(byte[] data) {
        if (!done && !out.isCancelled()) {
            out.onNext(ConsoleToNode.newBuilder()
                    .setData(ByteString.copyFrom(data))
                    .build());
        }
    }

    @Override
    public synchronized void resize(int cols, int rows) {
        if (!done && !out.isCancelled()) {
            out.onNext(ConsoleToNode.newBuilder().setCols(cols).setRows(rows).build());
        }
    }

    @Override
    public synchronized void close(String reason) {
        if (!done && !out.isCancelled()) {
            done = true;
            out.onCompleted();
        }
    }

    private @Nullable ConsoleLink open(ConsoleFromNode first) {
        try {
            String node = authenticate.apply(first.getAuth());
            ConsoleLink l = broker.accept(node, first.getSessionId(), this).orElse(null);
            if (l == null) {
                fail(Status.NOT_FOUND
                        .withDescription(
                                "console session " + printable(first.getSessionId()) + " is unknown, expired or ended")
                        .asRuntimeException());
                return null;
            }
            link = l;
            return l;
        } catch (RuntimeException e) {
            fail(GrpcErrors.toStatus(e));
            return null;
        }
    }

    private void ended(String reason) {
        ConsoleLink l = link;
        if (l != null) {
            l.nodeClosed(reason);
        }
        close(reason);
    }

    private synchronized void fail(RuntimeException e) {
        if (!done && !out.isCancelled()) {
            done = true;
            out.onError(e);
        }
    }

    private static String printable(String id) {
        return id.matches("[0-9a-f-]{1,64}") ? id : "(malformed id)";
    }
}
