package dev.mvirt.node.api;

import dev.mvirt.node.cache.Key;
import dev.mvirt.node.reconcile.StatusSink;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.StatusResult;
import dev.mvirt.proto.node.v1.UpdateResourceStatusRequest;
import dev.mvirt.proto.node.v1.UpdateResourceStatusResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches status reports into {@code UpdateResourceStatus} calls. Only the newest report per resource waits; a
 * report equal to the last one delivered is dropped (so periodic resyncs cost nothing) until {@link #resendAll}.
 * A failed call keeps its reports for the next try on the next API server. One flusher thread.
 */
public final class StatusSender implements StatusSink, Runnable {
    private static final Logger log = LoggerFactory.getLogger(StatusSender.class);
    private static final int BATCH = 1000;
    private static final long FLUSH_MILLIS = 100;

    private final ApiEndpoints.Cursor cursor;
    private final Session session;
    private final LinkedHashMap<Key, ResourceStatus> pending = new LinkedHashMap<>();
    private final Map<Key, ResourceStatus> delivered = new HashMap<>();
    /** A caller of {@link #reportAndWait} waits: the flusher sends without waiting out its interval. */
    private boolean urgent;

    public StatusSender(ApiEndpoints endpoints, Session session) {
        this.cursor = endpoints.cursor();
        this.session = session;
    }

    @Override
    public synchronized void report(ResourceStatus status) {
        Key k = Key.of(status.getKey());
        if (status.equals(delivered.getOrDefault(k, ResourceStatus.getDefaultInstance()))) {
            pending.remove(k);
            return;
        }
        pending.put(k, status);
        if (pending.size() >= BATCH) {
            notifyAll();
        }
    }

    /**
     * {@inheritDoc} The flusher sends at once. If no API server takes it within {@code max}, it stays queued (or is
     * replaced by a newer report) as any other.
     */
    @Override
    public synchronized boolean reportAndWait(ResourceStatus status, Duration max) throws InterruptedException {
        report(status);
        Key k = Key.of(status.getKey());
        urgent = true;
        notifyAll();
        long deadline = System.nanoTime() + max.toNanos();
        while (!status.equals(delivered.getOrDefault(k, ResourceStatus.getDefaultInstance()))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Forgets what was delivered: the next report of every resource is sent even if unchanged. */
    public synchronized void resendAll() {
        delivered.clear();
    }

    /** How many reports wait. */
    public synchronized int pending() {
        return pending.size();
    }

    @Override
    public void run() {
        long backoff = FLUSH_MILLIS;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long gen = session.ensureRegistered();
                List<ResourceStatus> batch = take();
                if (batch.isEmpty() || send(gen, batch)) {
                    backoff = FLUSH_MILLIS;
                } else {
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, 5000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized List<ResourceStatus> take() throws InterruptedException {
        if (pending.size() < BATCH && !urgent) {
            wait(FLUSH_MILLIS);
        }
        urgent = false;
        List<ResourceStatus> batch = new ArrayList<>(Math.min(pending.size(), BATCH));
        for (Iterator<ResourceStatus> it = pending.values().iterator(); it.hasNext() && batch.size() < BATCH; ) {
            batch.add(it.next());
            it.remove();
        }
        return batch;
    }

    private boolean send(long generation, List<ResourceStatus> batch) {
        try {
            UpdateResourceStatusResponse r = cursor.stub()
                    .withDeadlineAfter(15, TimeUnit.SECONDS)
                    .updateResourceStatus(UpdateResourceStatusRequest.newBuilder()
                            .setAuth(session.auth())
                            .addAllStatuses(batch)
                            .build());
            settle(batch, r.getResultsList());
            return true;
        } catch (StatusRuntimeException e) {
            Status.Code c = e.getStatus().getCode();
            if (c == Status.Code.NOT_FOUND || c == Status.Code.UNAUTHENTICATED) {
                session.lost(generation);
            } else {
                log.warn("status reports to {} failed: {}; trying the next API server", cursor.name(), e.getStatus());
                cursor.next();
            }
            requeue(batch);
            return false;
        }
    }

    /** Records what was applied; a report refused for good (unknown resource, invalid) is logged and not retried. */
    private synchronized void settle(List<ResourceStatus> batch, List<StatusResult> results) {
        for (int i = 0; i < batch.size(); i++) {
            ResourceStatus s = batch.get(i);
            StatusResult r = i < results.size() ? results.get(i) : StatusResult.getDefaultInstance();
            delivered.put(Key.of(s.getKey()), s);
            if (!r.getCode().isEmpty() && !r.getCode().equals("not_found")) {
                log.warn("status of {} refused: {} {}", Key.of(s.getKey()), r.getCode(), r.getMessage());
            }
        }
        notifyAll(); // a reportAndWait may be waiting for these
    }

    private synchronized void requeue(List<ResourceStatus> batch) {
        for (ResourceStatus s : batch) {
            pending.putIfAbsent(Key.of(s.getKey()), s);
        }
    }
}
