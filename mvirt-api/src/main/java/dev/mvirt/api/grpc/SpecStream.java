package dev.mvirt.api.grpc;

import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Event;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.Watch;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.SpecUpdate;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code WatchSpecs} call: a snapshot of the host's desired state (or, when resuming, every key changed since
 * the agent's revision), then deltas. Runs on its own (virtual) thread until the call is cancelled. Each update
 * carries the highest event revision it accounts for, so an agent resuming from it misses nothing; contents are
 * read from the newest state, so an update may already show later changes, which then are not sent again.
 */
final class SpecStream implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SpecStream.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CATCH_UP = Duration.ofSeconds(5);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int BATCH = 4096;

    private final DataStore store;
    private final String node;
    private final ServerCallStreamObserver<SpecUpdate> out;
    private final Clock clock;
    private long resumeFrom;
    private long sentRevision;
    private long lastSentAt;
    private Map<DesiredView.Key, DesiredResource> view = Map.of();

    SpecStream(DataStore store, String node, long fromRevision, ServerCallStreamObserver<SpecUpdate> out, Clock clock) {
        this.store = store;
        this.node = node;
        this.resumeFrom = fromRevision;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            while (!out.isCancelled()) {
                try (Watch w = open()) {
                    follow(w);
                } catch (Watch.ResyncRequired e) {
                    log.info("spec stream resyncs with a snapshot node={} oldest={}", node, e.oldestAvailable());
                    resumeFrom = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!out.isCancelled()) {
                out.onError(GrpcErrors.toStatus(e));
            }
        }
    }

    private Watch open() throws InterruptedException {
        if (resumeFrom <= 0) {
            Watch w = store.watch(store.read().revision());
            ClusterState s = store.read();
            view = DesiredView.of(s, node);
            send(SpecUpdate.newBuilder()
                    .setRevision(s.revision())
                    .setSnapshot(true)
                    .addAllUpserts(view.values())
                    .build());
            resumeFrom = s.revision();
            return w;
        }
        awaitApplied(resumeFrom);
        Watch w = store.watch(resumeFrom);
        try {
            List<Event> events = drain(w, Optional.empty());
            ClusterState s = awaitApplied(maxRevision(events, resumeFrom));
            view = DesiredView.of(s, node);
            DesiredView.Delta d = DesiredView.diff(s, node, view, DesiredView.candidates(events), true);
            sendDelta(d, maxRevision(events, resumeFrom), true);
            return w;
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    private void follow(Watch w) throws InterruptedException {
        while (!out.isCancelled()) {
            Optional<Event> first = w.next(POLL);
            if (first.isEmpty()) {
                progress();
                continue;
            }
            List<Event> events = drain(w, first);
            long revision = maxRevision(events, sentRevision);
            ClusterState s = awaitApplied(revision);
            DesiredView.Delta d = DesiredView.diff(s, node, view, DesiredView.candidates(events), false);
            view = d.view();
            resumeFrom = revision;
            sendDelta(d, revision, false);
        }
    }

    /** An empty update now and then, so an idle agent's resume point keeps up with the history. */
    private void progress() throws InterruptedException {
        if (resumeFrom > sentRevision && clock.millis() - lastSentAt >= PROGRESS_EVERY.toMillis()) {
            send(SpecUpdate.newBuilder().setRevision(resumeFrom).build());
        }
    }

    private void sendDelta(DesiredView.Delta d, long revision, boolean always) throws InterruptedException {
        if (d.isEmpty() && !always) {
            return;
        }
        SpecUpdate.Builder b = SpecUpdate.newBuilder().setRevision(revision).addAllUpserts(d.upserts());
        d.removals().forEach(k -> b.addRemovals(SpecProtos.key(k)));
        send(b.build());
    }

    private void send(SpecUpdate u) throws InterruptedException {
        // respect the agent's flow control rather than buffering without bound
        while (!out.isReady() && !out.isCancelled()) {
            Thread.sleep(5);
        }
        out.onNext(u);
        sentRevision = u.getRevision();
        lastSentAt = clock.millis();
    }

    private static List<Event> drain(Watch w, Optional<Event> first) throws InterruptedException {
        List<Event> events = new ArrayList<>();
        first.ifPresent(events::add);
        Optional<Event> e;
        while (events.size() < BATCH && (e = w.next(Duration.ZERO)).isPresent()) {
            events.add(e.get());
        }
        return events;
    }

    private static long maxRevision(List<Event> events, long floor) {
        return events.stream().mapToLong(Event::revision).reduce(floor, Math::max);
    }

    /** The local state once it has applied {@code revision}; a peer that stays behind sends the agent elsewhere. */
    private ClusterState awaitApplied(long revision) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        ClusterState s = store.read();
        while (s.revision() < revision) {
            if (System.nanoTime() > deadline) {
                throw Status.UNAVAILABLE
                        .withDescription("this API server has not applied revision " + revision + "; try another")
                        .asRuntimeException();
            }
            Thread.sleep(5);
            s = store.read();
        }
        return s;
    }
}
