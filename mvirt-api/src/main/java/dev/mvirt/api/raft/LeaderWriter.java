package dev.mvirt.api.raft;

import dev.mvirt.api.store.Deadlines;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.impl.RaftClientRpcWithProxy;
import org.apache.ratis.proto.RaftProtos.RaftClientRequestProto;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.GroupMismatchException;
import org.apache.ratis.protocol.exceptions.RaftException;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.util.PeerProxyMap;
import org.jspecify.annotations.Nullable;

/**
 * Sends each write, and each linearizable read's request for its index ({@link #readIndex}), to the leader this
 * peer's own Raft server knows: straight into the server when this peer leads, otherwise over the client RPC
 * (unordered, one request each). A failed attempt (no leader yet, a dead, paused or
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
    /** Ends a backoff that no leader change cut short. */
    private static final Exception BACKOFF_OVER = new Exception("backoff over", null, false, false) {};

    private final RaftNode node;
    private final Duration attempt;
    /**
     * Names this peer ({@link WriterIds}): the leader pushes it the commit of an entry it proposed if the reply to the
     * write could not tell it ({@link CommitPush}).
     */
    private final ClientId clientId;

    private final AtomicLong callIds = new AtomicLong();
    /** Connections already replaced (each once), by identity: later failures on them must not replace the new one. */
    private final Set<Object> replaced = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final Set<CompletableFuture<RaftClientReply>> waiting = ConcurrentHashMap.newKeySet();

    /** Writes through {@code node}; one attempt waits at most {@code attempt} for its leader. */
    LeaderWriter(RaftNode node, Duration attempt) {
        this.node = node;
        this.attempt = attempt;
        this.clientId = WriterIds.forPeer(node.config().id());
    }

    /** The client id of every write this peer proposes. */
    ClientId clientId() {
        return clientId;
    }

    /**
     * This peer learned of a new leader, or became a leader ready for writes: every attempt still waiting on the old
     * one, and every write waiting out a backoff, is sent now (to the new leader) instead of after its attempt timeout
     * or backoff. With group commit the writes of a peer queue behind its entry in flight, so a paused leader held them
     * all for whole 1 s attempts (SIGSTOP windows came out at ~2.0 s). A resend keeps the call id: if the old attempt
     * did reach a log, the retry cache joins the two.
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
        return call(msg, RaftClientRequest.writeRequestType(), timeout);
    }

    /**
     * Asks the leader for a linearizable read's index ({@link LeaderReads}, through {@link MvirtStateMachine#query}
     * as a stale read, which Ratis hands to the state machine without a ReadIndex of its own); a refusal (not the
     * leader, no majority in time) is tried again like a write's. The reply's message is the index.
     */
    CompletableFuture<RaftClientReply> readIndex(Duration timeout) {
        return call(MvirtStateMachine.READ_INDEX, RaftClientRequest.staleReadRequestType(0), timeout);
    }

    private CompletableFuture<RaftClientReply> call(Message msg, RaftClientRequest.Type type, Duration timeout) {
        CompletableFuture<RaftClientReply> result = new CompletableFuture<>();
        send(
                new Call(msg, type, callIds.incrementAndGet(), System.nanoTime() + timeout.toNanos()),
                FIRST_BACKOFF,
                result);
        return result;
    }

    /** One write or read index, sent again with the same call id until {@code deadline} ({@link System#nanoTime}). */
    private record Call(Message msg, RaftClientRequest.Type type, long callId, long deadline) {
        boolean write() {
            return type.is(RaftClientRequestProto.TypeCase.WRITE);
        }
    }

    private void send(Call call, Duration backoff, CompletableFuture<RaftClientReply> result) {
        Optional<RaftPeerId> leader = node.leaderId();
        if (leader.isEmpty()) {
            later(call, backoff, result, "no leader elected yet");
            return;
        }
        RaftClientRequest request = RaftClientRequest.newBuilder()
                .setClientId(clientId)
                .setServerId(leader.get())
                .setGroupId(RaftNode.GROUP_ID)
                .setCallId(call.callId())
                .setMessage(call.msg())
                .setType(call.type())
                .build();
        // completed with null by leaderChanged when a new leader is known while this attempt waits
        CompletableFuture<RaftClientReply> reply = new CompletableFuture<>();
        waiting.add(reply);
        if (!node.leaderId().equals(leader)) {
            reply.complete(null); // the leader changed before this attempt was registered
        }
        Object proxy = isSelf(leader.get()) ? null : currentProxy(leader.get());
        Deadlines.bound(attempt(request), attempt).whenComplete((r, t) -> {
            if (t == null) {
                reply.complete(r);
            } else {
                reply.completeExceptionally(t);
            }
        });
        reply.whenComplete((rep, t) -> {
            waiting.remove(reply);
            if (t != null) {
                reconnect(leader.get(), proxy, Futures.unwrap(t));
            }
            settle(call, backoff, result, rep, t);
        });
    }

    private void settle(
            Call call,
            Duration backoff,
            CompletableFuture<RaftClientReply> result,
            @Nullable RaftClientReply reply,
            @Nullable Throwable t) {
        if (t != null) {
            later(call, backoff, result, reason(t));
        } else if (reply == null) {
            // a new leader is known (or is now ready): send again now, to it, and back off afresh from here (a new
            // leader answers "not ready" until it applied its first entry; the backoff grown while there was no
            // leader would have held the write up to 400 ms after that)
            if (System.nanoTime() >= call.deadline()) {
                result.completeExceptionally(new TimeoutException("no leader " + done(call) + " in time"));
            } else {
                send(call, FIRST_BACKOFF, result);
            }
        } else if (reply.isSuccess() || (call.write() && final_(reply))) {
            result.complete(reply);
        } else {
            later(call, backoff, result, reason(reply));
        }
    }

    private CompletableFuture<RaftClientReply> attempt(RaftClientRequest request) {
        if (isSelf(request.getServerId())) {
            return node.submitHere(request);
        }
        return Futures.attempt(() -> node.client().getClientRpc().sendRequestAsyncUnordered(request));
    }

    /**
     * Tries again after {@code backoff} (doubling, capped) or as soon as a new leader is known, or fails once past
     * the deadline.
     */
    private void later(Call call, Duration backoff, CompletableFuture<RaftClientReply> result, String why) {
        if (System.nanoTime() + backoff.toNanos() >= call.deadline()) {
            result.completeExceptionally(new TimeoutException("no leader " + done(call) + " in time: " + why));
            return;
        }
        Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        // woken early (completed normally) when a new leader becomes known or ready (leaderChanged): then the
        // backoff starts afresh; at its end (completed with BACKOFF_OVER) it doubles
        CompletableFuture<RaftClientReply> wake = new CompletableFuture<>();
        waiting.add(wake);
        CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> wake.completeExceptionally(BACKOFF_OVER));
        wake.whenComplete((r, t) -> {
            waiting.remove(wake);
            send(call, t == null ? FIRST_BACKOFF : next, result);
        });
    }

    /**
     * Replaces the connection {@code proxy} to {@code peer} after an attempt on it failed in transport (refused,
     * reset, timed out) or found it closed: a stream to a peer that died stays broken (a restarted leader got no
     * forwarded write for 8 s), and a stream the server ended answers every later write with AlreadyClosedException.
     * Not for an answer from a live server (not the leader, leader not ready). Each connection is replaced once, and
     * only while it is still the current one: the other writes pending on it fail too when it closes, and if each of
     * them replaced the connection again, every replacement would cancel the writes on the one before (a cascade; an
     * earlier rule, once per 2 s per peer, left a closed stream failing every write for up to 2 s).
     */
    private void reconnect(RaftPeerId peer, @Nullable Object proxy, Throwable cause) {
        if (proxy == null || !brokenConnection(cause) || !replaced.add(proxy)) {
            return;
        }
        // closing the old connection waits for it to shut down: not on the RPC thread that delivered the failure
        Thread.ofVirtual().name("raft-reconnect").start(() -> {
            if (currentProxy(peer) == proxy) {
                proxies().resetProxy(peer);
            }
        });
    }

    /**
     * Whether a failed attempt says its connection is unusable (refused, reset, timed out, already closed), rather
     * than being an answer from a live server (not the leader, leader not ready), which keeps it.
     */
    static boolean brokenConnection(Throwable cause) {
        return !(cause instanceof RaftException) || cause instanceof AlreadyClosedException;
    }

    private PeerProxyMap<?> proxies() {
        return ((RaftClientRpcWithProxy<?>) node.client().getClientRpc()).getProxies();
    }

    /** The connection a remote attempt to {@code peer} goes over now (null: none can be made). */
    private @Nullable Object currentProxy(RaftPeerId peer) {
        try {
            return proxies().getProxy(peer);
        } catch (IOException e) {
            return null;
        }
    }

    private boolean isSelf(RaftPeerId id) {
        return id.toString().equals(node.config().id());
    }

    private static String done(Call call) {
        return call.write() ? "committed the write" : "confirmed the read";
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
        Throwable c = Futures.unwrap(t);
        return c instanceof StateMachineException && c.getMessage() != null
                ? String.valueOf(c.getMessage())
                : c.getClass().getSimpleName();
    }
}
