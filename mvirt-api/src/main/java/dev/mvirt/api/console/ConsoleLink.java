package dev.mvirt.api.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One console session between a client and a host's agent. Until the agent answers, client input and window sizes
 * are held (up to {@link #MAX_HELD_BYTES}; more input is dropped). The first end wins: the other side hears it once,
 * with the reason, and later calls do nothing. Thread-safe; calls out to the ends outside its lock.
 */
public final class ConsoleLink {
    /** Client input held while the agent has not answered yet. */
    static final int MAX_HELD_BYTES = 64 * 1024;

    private final String id;
    private final String nodeId;
    private final ClientEnd client;
    private final Consumer<ConsoleLink> onEnd;
    private final List<Consumer<NodeEnd>> held = new ArrayList<>();
    private int heldBytes;
    private @Nullable NodeEnd node;
    private volatile boolean ended;

    ConsoleLink(String id, String nodeId, ClientEnd client, Consumer<ConsoleLink> onEnd) {
        this.id = id;
        this.nodeId = nodeId;
        this.client = client;
        this.onEnd = onEnd;
    }

    /** The session id the agent answers with. */
    public String id() {
        return id;
    }

    /** The node whose agent serves the session. */
    public String nodeId() {
        return nodeId;
    }

    /** True once either side ended the session. */
    public boolean ended() {
        return ended;
    }

    /** Client keystrokes. */
    public void input(byte[] data) {
        toNode(n -> n.input(data), data.length);
    }

    /** The client's window size. */
    public void resize(int cols, int rows) {
        toNode(n -> n.resize(cols, rows), 0);
    }

    /** The client went away: the agent hears {@code reason}. */
    public void clientClosed(String reason) {
        Ending e = end();
        NodeEnd n = e.node();
        if (e.first() && n != null) {
            n.close(reason);
        }
    }

    /** Guest output from the agent. */
    public void output(byte[] data) {
        if (!ended) {
            client.output(data);
        }
    }

    /** The agent ended the session (or was lost, or never answered): the client hears {@code reason}. */
    public void nodeClosed(String reason) {
        Ending e = end();
        NodeEnd n = e.node();
        if (e.first()) {
            client.closed(reason);
            if (n != null) {
                n.close(reason);
            }
        }
    }

    /** The agent answered; held input is delivered. False when the session already ended. */
    boolean connect(NodeEnd n) {
        List<Consumer<NodeEnd>> replay;
        synchronized (this) {
            if (ended || node != null) {
                return false;
            }
            node = n;
            replay = List.copyOf(held);
            held.clear();
        }
        replay.forEach(r -> r.accept(n));
        return true;
    }

    private void toNode(Consumer<NodeEnd> action, int bytes) {
        NodeEnd n;
        synchronized (this) {
            if (ended) {
                return;
            }
            n = node;
            if (n == null) {
                if (heldBytes + bytes <= MAX_HELD_BYTES) {
                    held.add(action);
                    heldBytes += bytes;
                }
                return;
            }
        }
        action.accept(n);
    }

    /** Whether this call ended the session, and the agent side to tell (null before it answered). */
    private record Ending(boolean first, @Nullable NodeEnd node) {}

    private Ending end() {
        NodeEnd n;
        synchronized (this) {
            if (ended) {
                return new Ending(false, null);
            }
            ended = true;
            n = node;
            held.clear();
        }
        onEnd.accept(this);
        return new Ending(true, n);
    }
}
