package dev.mvirt.api.console;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The console sessions of one API server. Agents register their ConsoleRequests streams per node ({@link #channel});
 * a client {@link #attach}es to a VM on a node, which asks the node's newest channel to open a session; the agent
 * answers with the session id ({@link #accept}) within the open timeout, or the client hears why not. Thread-safe.
 */
public final class ConsoleBroker implements AutoCloseable {
    /** How long a client waits for the agent to answer by default. */
    public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofSeconds(10);

    private final Duration openTimeout;
    private final Map<String, Deque<ConsoleChannel>> channels = new ConcurrentHashMap<>();
    private final Map<String, ConsoleLink> pending = new ConcurrentHashMap<>();
    private final Set<ConsoleLink> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A broker whose sessions fail when the agent has not answered within {@code openTimeout}. */
    public ConsoleBroker(Duration openTimeout) {
        this.openTimeout = openTimeout;
    }

    /** Registers an agent's channel; closing the registration removes it (the stream ended). */
    public AutoCloseable channel(String nodeId, ConsoleChannel channel) {
        synchronized (channels) {
            channels.computeIfAbsent(nodeId, k -> new ArrayDeque<>()).addLast(channel);
        }
        return () -> removeChannel(nodeId, channel);
    }

    /** True when the agent of {@code nodeId} has a console channel to this server. */
    public boolean hasChannel(String nodeId) {
        synchronized (channels) {
            return channels.containsKey(nodeId);
        }
    }

    /**
     * Asks the node's agent to open a session for {@code client}; empty when the node has no channel here. The
     * session ends with a reason when the agent does not answer within the open timeout.
     */
    public Optional<ConsoleLink> attach(String nodeId, AttachRequest request, ClientEnd client) {
        Optional<ConsoleChannel> ch = newest(nodeId);
        if (ch.isEmpty() || closed) {
            return Optional.empty();
        }
        ConsoleLink link = new ConsoleLink(UUID.randomUUID().toString(), nodeId, client, this::forget);
        pending.put(link.id(), link);
        live.add(link);
        CompletableFuture.runAsync(
                () -> expire(link), CompletableFuture.delayedExecutor(openTimeout.toMillis(), TimeUnit.MILLISECONDS));
        ch.get().open(link.id(), request);
        return Optional.of(link);
    }

    /**
     * The agent of {@code nodeId} answers session {@code sessionId} with its end; empty when the id is unknown,
     * expired, ended, or belongs to another node.
     */
    public Optional<ConsoleLink> accept(String nodeId, String sessionId, NodeEnd node) {
        ConsoleLink link = pending.get(sessionId);
        if (link == null || !link.nodeId().equals(nodeId) || !pending.remove(sessionId, link)) {
            return Optional.empty();
        }
        return link.connect(node) ? Optional.of(link) : Optional.empty();
    }

    /** Sessions not yet ended (waiting or connected). */
    public int sessions() {
        return live.size();
    }

    /** Ends every session ("the API server is shutting down") and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        List.copyOf(live).forEach(l -> l.nodeClosed("the API server is shutting down"));
    }

    private Optional<ConsoleChannel> newest(String nodeId) {
        synchronized (channels) {
            Deque<ConsoleChannel> d = channels.get(nodeId);
            return d == null ? Optional.empty() : Optional.ofNullable(d.peekLast());
        }
    }

    private void removeChannel(String nodeId, ConsoleChannel channel) {
        synchronized (channels) {
            Deque<ConsoleChannel> d = channels.get(nodeId);
            if (d != null && d.remove(channel) && d.isEmpty()) {
                channels.remove(nodeId);
            }
        }
        if (!hasChannel(nodeId)) {
            pending.values().stream()
                    .filter(l -> l.nodeId().equals(nodeId))
                    .toList()
                    .forEach(l -> l.nodeClosed("the host's agent disconnected before the console opened"));
        }
    }

    private void expire(ConsoleLink link) {
        if (pending.remove(link.id(), link)) {
            link.nodeClosed("the host's agent did not open the console within " + openTimeout.toSeconds() + " s");
        }
    }

    private void forget(ConsoleLink link) {
        pending.remove(link.id(), link);
        live.remove(link);
    }
}
