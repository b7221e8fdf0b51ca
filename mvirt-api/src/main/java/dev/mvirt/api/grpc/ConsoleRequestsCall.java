package dev.mvirt.api.grpc;

import dev.mvirt.api.console.AttachRequest;
import dev.mvirt.api.console.ConsoleBroker;
import dev.mvirt.api.console.ConsoleChannel;
import dev.mvirt.proto.node.v1.ConsoleOpen;
import io.grpc.stub.ServerCallStreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's ConsoleRequests stream: registered with the broker as the node's console channel until the agent
 * cancels it (or the server stops). Sends are serialised; the stream itself never completes from this side.
 */
final class ConsoleRequestsCall implements ConsoleChannel {
    private static final Logger log = LoggerFactory.getLogger(ConsoleRequestsCall.class);
    private final String node;
    private final ServerCallStreamObserver<ConsoleOpen> out;

    private ConsoleRequestsCall(String node, ServerCallStreamObserver<ConsoleOpen> out) {
        this.node = node;
        this.out = out;
    }

    /** Registers {@code out} as {@code node}'s channel until the call is cancelled. */
    static void start(ConsoleBroker broker, String node, ServerCallStreamObserver<ConsoleOpen> out) {
        ConsoleRequestsCall call = new ConsoleRequestsCall(node, out);
        AutoCloseable registration = broker.channel(node, call);
        out.setOnCancelHandler(() -> {
            log.debug("console channel closed node={}", node);
            closeQuietly(registration);
        });
        log.debug("console channel open node={}", node);
    }

    @Override
    public synchronized void open(String sessionId, AttachRequest r) {
        if (out.isCancelled()) {
            return;
        }
        out.onNext(ConsoleOpen.newBuilder()
                .setSessionId(sessionId)
                .setVmId(r.vmId())
                .setReplayBytes(r.replayBytes())
                .setSkipReplay(r.skipReplay())
                .setForce(r.force())
                .setCols(r.cols())
                .setRows(r.rows())
                .build());
        log.info("console session requested node={} vm={} session={}", node, r.vmId(), sessionId);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing a console channel failed", e);
        }
    }
}
