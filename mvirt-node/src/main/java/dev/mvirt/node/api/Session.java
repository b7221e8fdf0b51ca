package dev.mvirt.node.api;

import dev.mvirt.proto.node.v1.HostFacts;
import dev.mvirt.proto.node.v1.NodeAuth;
import dev.mvirt.proto.node.v1.RegisterRequest;
import dev.mvirt.proto.node.v1.RegisterResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's registration: exchanges the join token for a credential at any API server (trying each in turn,
 * backing off), and registers again when a server says the node is unknown or the credential is bad. Each
 * registration has a generation, so a burst of "unknown node" answers causes one re-registration. Thread-safe.
 */
public final class Session {
    private static final Logger log = LoggerFactory.getLogger(Session.class);

    /** What the agent registers: its name, labels, current host facts and the join token. */
    public record Registration(String name, Map<String, String> labels, Supplier<HostFacts> facts, String joinToken) {}

    private final ApiEndpoints.Cursor cursor;
    private final NodeIdentity identity;
    private final Registration registration;
    private final Runnable onRegistered;
    private volatile int heartbeatIntervalMs = 5000;
    private long generation;
    private boolean registered;

    /** A session over {@code endpoints}; {@code onRegistered} runs after every successful registration. */
    public Session(ApiEndpoints endpoints, NodeIdentity identity, Registration registration, Runnable onRegistered) {
        this.cursor = endpoints.cursor();
        this.identity = identity;
        this.registration = registration;
        this.onRegistered = onRegistered;
    }

    /** The current registration's generation, once registered (blocks until then). */
    public synchronized long ensureRegistered() throws InterruptedException {
        long backoff = 200;
        while (!registered) {
            try {
                register();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
                    log.error("registration refused by {}: {} (check --join-token-file)", cursor.name(), e.getStatus());
                } else {
                    log.warn("registration failed at {}: {}", cursor.name(), e.getStatus());
                }
                cursor.next();
                wait(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
        return generation;
    }

    /** The server refused registration {@code gen}'s credential or forgot the node: register again. */
    public synchronized void lost(long gen) {
        if (gen == generation && registered) {
            log.warn("the API no longer accepts this node's registration; registering again");
            registered = false;
        }
    }

    /** The credential to present. */
    public NodeAuth auth() {
        return NodeAuth.newBuilder()
                .setNodeId(identity.nodeId())
                .setCredential(identity.credential().orElse(""))
                .build();
    }

    /** How often to send heartbeats, as the API last said. */
    public Duration heartbeatInterval() {
        return Duration.ofMillis(Math.max(200, heartbeatIntervalMs));
    }

    /** Updates the interval from a heartbeat answer. */
    public void heartbeatInterval(int millis) {
        if (millis > 0) {
            heartbeatIntervalMs = millis;
        }
    }

    /** The node id. */
    public String nodeId() {
        return identity.nodeId();
    }

    private void register() {
        RegisterResponse r = cursor.stub()
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .register(RegisterRequest.newBuilder()
                        .setNodeId(identity.nodeId())
                        .setName(registration.name())
                        .putAllLabels(registration.labels())
                        .setFacts(registration.facts().get())
                        .setJoinToken(registration.joinToken())
                        .build());
        identity.saveCredential(r.getCredential());
        heartbeatInterval(r.getHeartbeatIntervalMs());
        generation++;
        registered = true;
        log.info(
                "registered node={} name={} at {} revision={}",
                identity.nodeId(),
                registration.name(),
                cursor.name(),
                r.getRevision());
        onRegistered.run();
    }
}
