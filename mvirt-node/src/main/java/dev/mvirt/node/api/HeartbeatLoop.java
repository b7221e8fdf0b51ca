package dev.mvirt.node.api;

import dev.mvirt.proto.node.v1.HeartbeatRequest;
import dev.mvirt.proto.node.v1.HeartbeatResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends heartbeats at the interval the API asks for. Only the leader counts them: when the current server answers
 * {@code counted=false} (or fails), the next endpoint is tried at once, so the loop settles on the leader and
 * follows it across elections. When the node's phase returns to READY after being anything else, {@code
 * onRecovered} runs (the agent then reports every status again, so VMs leave UNKNOWN).
 */
public final class HeartbeatLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(HeartbeatLoop.class);

    private final ApiEndpoints endpoints;
    private final ApiEndpoints.Cursor cursor;
    private final Session session;
    private final Runnable onRecovered;
    private String phase = "READY";

    public HeartbeatLoop(ApiEndpoints endpoints, Session session, Runnable onRecovered) {
        this.endpoints = endpoints;
        this.cursor = endpoints.cursor();
        this.session = session;
        this.onRecovered = onRecovered;
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                beat(session.ensureRegistered());
                Thread.sleep(session.heartbeatInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One heartbeat, trying each endpoint at most once until one counts it. */
    void beat(long generation) {
        for (int i = 0; i < endpoints.size(); i++) {
            try {
                HeartbeatResponse r = cursor.stub()
                        .withDeadlineAfter(2, TimeUnit.SECONDS)
                        .heartbeat(HeartbeatRequest.newBuilder()
                                .setAuth(session.auth())
                                .build());
                session.heartbeatInterval(r.getHeartbeatIntervalMs());
                if (r.getCounted()) {
                    observe(r.getNodePhase());
                    return;
                }
            } catch (StatusRuntimeException e) {
                Status.Code c = e.getStatus().getCode();
                if (c == Status.Code.NOT_FOUND || c == Status.Code.UNAUTHENTICATED) {
                    session.lost(generation);
                    return;
                }
                log.debug("heartbeat to {} failed: {}", cursor.name(), e.getStatus());
            }
            cursor.next();
        }
        log.warn("no API server counted this heartbeat (no leader reachable)");
    }

    private void observe(String now) {
        if (now.equals("READY") && !phase.equals("READY")) {
            log.info("node is READY again (was {}); reporting every status", phase);
            onRecovered.run();
        }
        phase = now;
    }
}
