package dev.mvirt.api.raft;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.GroupMismatchException;
import org.apache.ratis.protocol.exceptions.StateMachineException;

/**
 * Sends each write to the leader this peer's own Raft server knows: straight into the server when this peer leads,
 * otherwise over the client RPC (unordered, one request each). A failed attempt (no leader yet, a dead, paused or
 * cut-off leader, NotLeader, a leader not ready) is sent again with the same client id and call id, so the leader's
 * retry cache applies it once however often it arrives, until the deadline.
 *
 * <p>Why not the Ratis client's own write APIs: they guess the leader from replies and share that guess among all
 * requests; with hundreds of writes pending when the leader died (the ordered API also holds every write behind one
 * resend) they kept failing for 5-17 s after a new leader was elected. This peer's server learns of the new leader
 * when the election ends.
 */
final class LeaderWriter {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(400);
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(2);

    private final RaftNode node;
    private final Duration attempt;
    private final ClientId clientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();
    private final java.util.Map<RaftPeerId, AtomicLong> reconnects = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<CompletableFuture<RaftClientReply>> waiting =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Writes through {@code node}; one attempt waits at most {@code attempt} for its leader. */
    LeaderWriter(RaftNode node, Duration attempt) {
        this.node = node;
        this.attempt = attempt;
    }

    /**
     * This peer learned of a new leader: every attempt still waiting on the old one, and every write waiting out a
     * backoff, is sent now (to the new leader) instead of after its attempt timeout or backoff. With group commit the writes of a peer queue behind its entry in
     * flight, so a paused leader held them all for whole 1 s attempts (SIGSTOP windows came out at ~2.0 s). A
     * resend keeps the call id: if the old attempt did reach a log, the retry cache joins the two.
     */
    void leaderChanged() {
        List<CompletableFuture<RaftClientReply>> now = List.copyOf(waiting);
        if (!now.isEmpty()) {
            // not on Ratis's notifying thread: the resends go into the server or the RPC
            Thread.ofVirtual().name("raft-resend").start(() -> now.forEach(f -> f.complete(null)));
        }
    }

    /** Commits {@code msg}; fails when no leader took it within {@code timeout}. */
    CompletableFuture<RaftClientReply> write(Message msg, Duration timeout) {
        CompletableFuture<RaftClientReply> result = new CompletableFuture<>();
        long callId = callIds.incrementAndGet();
        send(msg, callId, System.nanoTime() + timeout.toNanos(), FIRST_BACKOFF, result);
        return result;
    }

    private void send(
            Message msg, long callId, long deadline, Duration backoff, CompletableFuture<RaftClientReply> result) {
        Optional<RaftPeerId> leader = node.leaderId();
        if (leader.isEmpty()) {
            later(msg, callId, deadline, backoff, result, "no leader elected yet");
            return;
        }
        RaftClientRequest request =
                LocalServer.request(clientId, leader.get(), callId, msg, RaftClientRequest.writeRequestType());
        // completed with null by leaderChanged when a new leader is known while this attempt waits
        CompletableFuture<RaftClientReply> reply = new CompletableFuture<>();
        waiting.add(reply);
        if (!node.leaderId().equals(leader)) {
            reply.complete(null); // the leader changed before this attempt was registered
        }
        attempt(request).orTimeout(attempt.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, t) -> {
            if (t == null) {
                reply.complete(r);
            } else {
                reply.completeExceptionally(t);
            }
        });
        reply.whenComplete((rep, t) -> {
            waiting.remove(reply);
            settle(msg, callId, deadline, backoff, result, request, rep, t);
        });
    }

    private void settle(
            Message msg,
            long callId,
            long deadline,
            Duration backoff,
            CompletableFuture<RaftClientReply> result,
            RaftClientRequest request,
            @org.jspecify.annotations.Nullable RaftClientReply reply,
            @org.jspecify.annotations.Nullable Throwable t) {
        if (t != null) {
            if (!isSelf(request.getServerId())) {
                reconnect(request.getServerId(), unwrap(t));
            }
            later(msg, callId, deadline, backoff, result, reason(t));
        } else if (reply == null) {
            // a new leader is known: send again now, to it
            if (System.nanoTime() >= deadline) {
                result.completeExceptionally(new TimeoutException("no leader committed the write in time"));
            } else {
                send(msg, callId, deadline, backoff, result);
            }
        } else if (reply.isSuccess() || final_(reply)) {
            result.complete(reply);
        } else {
            later(msg, callId, deadline, backoff, result, reason(reply));
        }
    }

    private CompletableFuture<RaftClientReply> attempt(RaftClientRequest request) {
        try {
            return isSelf(request.getServerId())
                    ? node.server().submitClientRequestAsync(request)
                    : node.client().getClientRpc().sendRequestAsyncUnordered(request);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Tries again after {@code backoff} (doubling, capped) or as soon as a new leader is known, or fails once past
     * the deadline.
     */
    private void later(
            Message msg,
            long callId,
            long deadline,
            Duration backoff,
            CompletableFuture<RaftClientReply> result,
            String why) {
        if (System.nanoTime() + backoff.toNanos() >= deadline) {
            result.completeExceptionally(new TimeoutException("no leader committed the write in time: " + why));
            return;
        }
        Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        // woken early when a new leader becomes known (leaderChanged)
        CompletableFuture<RaftClientReply> wake = new CompletableFuture<>();
        waiting.add(wake);
        CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> wake.complete(null));
        wake.whenComplete((r, t) -> {
            waiting.remove(wake);
            send(msg, callId, deadline, next, result);
        });
    }

    /**
     * Makes the connection to {@code peer} again after an attempt failed or timed out on it: a stream to a peer that
     * died stays broken (a restarted leader got no forwarded write for 8 s). At most once per {@link #RECONNECT_EVERY}
     * per peer and never for a cancellation: the connection carries every other pending write, each of which the
     * reconnect cancels, and reconnecting on each of those failures cancelled them all again (a cascade).
     */
    private void reconnect(RaftPeerId peer, Throwable cause) {
        if (String.valueOf(cause.getMessage()).contains("CANCELLED")) {
            return;
        }
        long now = System.nanoTime();
        AtomicLong last = reconnects.computeIfAbsent(peer, p -> new AtomicLong(now - RECONNECT_EVERY.toNanos()));
        long seen = last.get();
        if (now - seen >= RECONNECT_EVERY.toNanos() && last.compareAndSet(seen, now)) {
            // closing a connection waits for it to shut down: not on the RPC thread that delivered the failure
            Thread.ofVirtual()
                    .name("raft-reconnect")
                    .start(() -> node.client().getClientRpc().handleException(peer, cause, true));
        }
    }

    private boolean isSelf(RaftPeerId id) {
        return id.toString().equals(node.config().id());
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** A reply no other attempt can change: the state machine or the group refused the request itself. */
    private static boolean final_(RaftClientReply reply) {
        return reply.getStateMachineException() != null || reply.getException() instanceof GroupMismatchException;
    }

    private static String reason(RaftClientReply reply) {
        return reply.getException() == null
                ? "refused"
                : reply.getException().getClass().getSimpleName();
    }

    private static String reason(Throwable t) {
        Throwable c = unwrap(t);
        return c instanceof StateMachineException && c.getMessage() != null
                ? String.valueOf(c.getMessage())
                : c.getClass().getSimpleName();
    }
}
