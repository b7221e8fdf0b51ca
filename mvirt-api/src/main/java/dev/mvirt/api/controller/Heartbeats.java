package dev.mvirt.api.controller;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each node was last heard, in this API server's memory only (DESIGN §3: no Raft entry per heartbeat). The
 * NodeService records heartbeats here only while this server is the leader; the {@link LivenessController} reads
 * them. Thread-safe.
 */
public final class Heartbeats {
    private final Clock clock;
    private final ConcurrentHashMap<String, Long> lastSeen = new ConcurrentHashMap<>();

    /** An empty table stamped by {@code clock}. */
    public Heartbeats(Clock clock) {
        this.clock = clock;
    }

    /** {@code nodeId} was heard now. */
    public void record(String nodeId) {
        lastSeen.put(nodeId, clock.millis());
    }

    /** When {@code nodeId} was last heard (epoch millis), if ever since this table was created or cleared. */
    public OptionalLong lastSeen(String nodeId) {
        Long t = lastSeen.get(nodeId);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /** Forgets every heartbeat (leadership was lost: what this server heard as leader says nothing later). */
    public void clear() {
        lastSeen.clear();
    }
}
