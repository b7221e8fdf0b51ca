package dev.mvirt.node.console;

import dev.mvirt.node.api.ApiEndpoints;
import dev.mvirt.node.api.Session;
import dev.mvirt.node.daemon.VmDaemon;
import dev.mvirt.proto.node.v1.ConsoleOpen;
import dev.mvirt.proto.node.v1.ConsoleRequestsRequest;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's console channels: one ConsoleRequests stream to EVERY API server (so a console reaches this host from
 * any server, and the API never dials a host), each on its own virtual thread, reconnecting with backoff (200 ms
 * doubling to 5 s) and logging an outage once. Each ConsoleOpen becomes a {@link ConsoleRelay} on the same server.
 * {@link #close} ends the channels and every session ("the host's agent is stopping").
 */
public final class ConsoleChannels implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleChannels.class);
    private final Session session;
    private final VmDaemon vmm;
    private final ConsoleSessions sessions = new ConsoleSessions();
    private final Context.CancellableContext context = Context.current().withCancellation();
    private final List<Thread> threads = new ArrayList<>();

    private ConsoleChannels(Session session, VmDaemon vmm) {
        this.session = session;
        this.vmm = vmm;
    }

    /** Starts one channel per endpoint of {@code api}. */
    public static ConsoleChannels start(ApiEndpoints api, Session session, VmDaemon vmm) {
        ConsoleChannels c = new ConsoleChannels(session, vmm);
        ApiEndpoints.Cursor cursor = api.cursor();
        for (int i = 0; i < api.size(); i++) {
            Channel ch = cursor.stub().getChannel();
            String name = cursor.name();
            c.threads.add(Thread.ofVirtual().name("console-channel-" + name).start(() -> c.keep(ch, name)));
            cursor.next();
        }
        return c;
    }

    /** How many console sessions {@code vmId} has on this host (tests). */
    public int sessions(String vmId) {
        return sessions.count(vmId);
    }

    private void keep(Channel ch, String name) {
        long backoff = 200;
        boolean down = false;
        while (!context.isCancelled()) {
            long started = System.nanoTime();
            try {
                session.ensureRegistered();
                context.run(() -> follow(ch));
                backoff = 200;
                down = false;
            } catch (StatusRuntimeException e) {
                if (System.nanoTime() - started > 5_000_000_000L) {
                    down = false; // the channel was up for a while: this is a new outage
                    backoff = 200;
                }
                if (!down && !context.isCancelled()) {
                    log.warn("console channel to {} lost: {}; reconnecting", name, e.getStatus());
                }
                down = true;
            } catch (InterruptedException e) {
                return;
            }
            if (!pause(backoff)) {
                return;
            }
            backoff = Math.min(backoff * 2, 5000);
        }
    }

    private void follow(Channel ch) {
        Iterator<ConsoleOpen> opens = NodeServiceGrpc.newBlockingStub(ch)
                .consoleRequests(ConsoleRequestsRequest.newBuilder()
                        .setAuth(session.auth())
                        .build());
        opens.forEachRemaining(o -> ConsoleRelay.start(ch, session.auth(), o, vmm, sessions));
    }

    private boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return !context.isCancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        sessions.endAll("the host's agent is stopping");
        context.cancel(null);
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
