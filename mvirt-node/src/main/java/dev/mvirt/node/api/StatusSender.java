package dev.mvirt.node.api;

import dev.mvirt.node.cache.Key;
import dev.mvirt.node.reconcile.StatusSink;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.StatusResult;
import dev.mvirt.proto.node.v1.UpdateResourceStatusRequest;
import dev.mvirt.proto.node.v1.UpdateResourceStatusResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayDeque;
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
 * Batches status reports into {@code UpdateResourceStatus} calls. Per resource the reports wait in order: one whose
 * phase equals the last waiting one's replaces it (newer figures of the same phase), one of another phase waits
 * behind it, so every phase a resource passes through is sent even when the next follows within a flush (DESIGN §5:
 * a guest off 50 ms after its stop began is still seen Stopping). A call carries at most one report per resource
 * (the API server proposes a call's reports concurrently, so two of one resource could commit out of order); the next
 * goes in the next call, sent at once. A report equal to the last one delivered, with none waiting, is dropped (so
 * periodic resyncs cost nothing) until {@link #resendAll}. A failed call puts its reports back ahead of newer ones,
 * for the next try on the next API server. At most {@link #MAX_WAITING} reports wait per resource (one flapping while
 * no API server answers); past that the oldest go. One flusher thread.
 */
public final class StatusSender implements StatusSink, Runnable {
    private static final Logger log = LoggerFactory.getLogger(StatusSender.class);
    private static final int BATCH = 1000;
    private static final long FLUSH_MILLIS = 100;
    static final int MAX_WAITING = 16;

    private final ApiEndpoints.Cursor cursor;
    private final Session session;
    private final LinkedHashMap<Key, ArrayDeque<ResourceStatus>> pending = new LinkedHashMap<>();
    /** Reports in {@link #pending}. */
    private int waiting;

    private final Map<Key, ResourceStatus> delivered = new HashMap<>();
    /** A resource has another report waiting behind the one just taken: the flusher sends it without delay. */
    private boolean urgent;

    public StatusSender(ApiEndpoints endpoints, Session session) {
        this.cursor = endpoints.cursor();
        this.session = session;
    }

    @Override
    public synchronized void report(ResourceStatus status) {
        Key k = Key.of(status.getKey());
        ArrayDeque<ResourceStatus> q = pending.get(k);
        if (q == null) {
            if (status.equals(delivered.getOrDefault(k, ResourceStatus.getDefaultInstance()))) {
                return;
            }
            q = new ArrayDeque<>(2);
            pending.put(k, q);
        } else if (phase(q.getLast()).equals(phase(status))) {
            q.removeLast();
            waiting--;
            if (q.isEmpty() && status.equals(delivered.getOrDefault(k, ResourceStatus.getDefaultInstance()))) {
                pending.remove(k);
                return;
            }
        }
        q.addLast(status);
        waiting++;
        trim(q);
        if (waiting >= BATCH) {
            notifyAll();
        }
    }

    /** Forgets what was delivered: the next report of every resource is sent even if unchanged. */
    public synchronized void resendAll() {
        delivered.clear();
    }

    /** How many reports wait. */
    public synchronized int pending() {
        return waiting;
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

    /** The phase a report tells, which decides whether a newer report replaces it or waits behind it. */
    static String phase(ResourceStatus s) {
        return switch (s.getStatusCase()) {
            case VM -> s.getVm().getPhase();
            case RESOURCE -> s.getResource().getPhase();
            case TEMPLATE -> s.getTemplate().getPhase();
            case STATUS_NOT_SET -> "";
        };
    }

    /** The oldest waiting report of each resource, at most {@link #BATCH}, after at most one flush interval. */
    private synchronized List<ResourceStatus> take() throws InterruptedException {
        if (waiting < BATCH && !urgent) {
            wait(FLUSH_MILLIS);
        }
        urgent = false;
        List<ResourceStatus> batch = new ArrayList<>(Math.min(pending.size(), BATCH));
        for (Iterator<ArrayDeque<ResourceStatus>> it = pending.values().iterator();
                it.hasNext() && batch.size() < BATCH; ) {
            ArrayDeque<ResourceStatus> q = it.next();
            batch.add(q.removeFirst());
            waiting--;
            if (q.isEmpty()) {
                it.remove();
            } else {
                urgent = true;
            }
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
    }

    /**
     * A failed call's reports wait again, each ahead of its resource's newer ones; one is dropped if the newest
     * waiting report of its resource has the same phase (that one supersedes it).
     */
    private synchronized void requeue(List<ResourceStatus> batch) {
        for (ResourceStatus s : batch) {
            ArrayDeque<ResourceStatus> q = pending.computeIfAbsent(Key.of(s.getKey()), k -> new ArrayDeque<>(2));
            if (q.isEmpty() || !phase(q.getFirst()).equals(phase(s))) {
                q.addFirst(s);
                waiting++;
                trim(q);
            }
        }
    }

    private void trim(ArrayDeque<ResourceStatus> q) {
        while (q.size() > MAX_WAITING) {
            q.removeFirst();
            waiting--;
        }
    }
}
