package dev.mvirt.node.api;

import dev.mvirt.node.cache.DesiredCache;
import dev.mvirt.node.cache.Key;
import dev.mvirt.proto.node.v1.SpecUpdate;
import dev.mvirt.proto.node.v1.WatchSpecsRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code WatchSpecs} open: from the cache's revision (0 at first: a snapshot), applying each update to the
 * cache and handing the changed keys to {@code changed}. When the stream breaks it resumes from the cache's
 * revision on the next API server, backing off from 100 ms to 5 s while none answers. {@code connected} runs on
 * every new stream (the agent reports every status again then).
 */
public final class SpecWatcher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SpecWatcher.class);

    private final ApiEndpoints.Cursor cursor;
    private final Session session;
    private final DesiredCache cache;
    private final Consumer<Set<Key>> changed;
    private final Runnable connected;
    private final Context.CancellableContext context = Context.current().withCancellation();

    public SpecWatcher(
            ApiEndpoints endpoints,
            Session session,
            DesiredCache cache,
            Consumer<Set<Key>> changed,
            Runnable connected) {
        this.cursor = endpoints.cursor();
        this.session = session;
        this.cache = cache;
        this.changed = changed;
        this.connected = connected;
    }

    @Override
    public void run() {
        long backoff = 100;
        try {
            while (!context.isCancelled()) {
                long gen = session.ensureRegistered();
                if (follow(gen)) {
                    backoff = 100;
                } else {
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, 5000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the stream. */
    public void cancel() {
        context.cancel(null);
    }

    /** Follows one stream until it ends; true when it delivered anything. */
    private boolean follow(long generation) {
        long from = cache.revision();
        boolean delivered = false;
        Context previous = context.attach();
        try {
            Iterator<SpecUpdate> it = cursor.stub()
                    .watchSpecs(WatchSpecsRequest.newBuilder()
                            .setAuth(session.auth())
                            .setFromRevision(from)
                            .build());
            while (it.hasNext()) {
                SpecUpdate u = it.next();
                if (!delivered) {
                    log.info("spec stream open at {} from={} snapshot={}", cursor.name(), from, u.getSnapshot());
                    connected.run();
                    delivered = true;
                }
                Set<Key> keys = cache.apply(u);
                if (!keys.isEmpty()) {
                    changed.accept(keys);
                }
            }
            log.info("spec stream at {} ended by the server", cursor.name());
        } catch (StatusRuntimeException e) {
            onError(generation, e);
        } finally {
            context.detach(previous);
        }
        return delivered;
    }

    private void onError(long generation, StatusRuntimeException e) {
        if (context.isCancelled()) {
            return;
        }
        Status.Code c = e.getStatus().getCode();
        if (c == Status.Code.NOT_FOUND || c == Status.Code.UNAUTHENTICATED) {
            session.lost(generation);
        } else {
            log.warn("spec stream at {} broke: {}; trying the next API server", cursor.name(), e.getStatus());
            cursor.next();
        }
    }
}
