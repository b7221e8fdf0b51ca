package dev.mvirt.api.raft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How one peer runs: its {@code id}, data directory, Raft address, the initial group ({@code peers}: id →
 * host:port, including this peer), the timing, and what it keeps in memory ({@link Limits}).
 *
 * <p>Timing rule (DESIGN): snapshot time &lt; election timeout &lt; request timeout. A snapshot of 10,000 VMs is
 * written in well under 200 ms here and is taken on the apply thread, not the heartbeat threads; a follower stands
 * for election after 300–600 ms of silence (Ratis checks once per random timeout, so a dead leader is noticed one to
 * two timeouts after its last heartbeat; heartbeats go every 150 ms; 600–1200 ms made failover take 1.4–1.9 s, and
 * the 150–300 ms Ratis default caused spurious elections on a loaded 2-core machine before group commit); a write
 * waits up to 10 s for commit and apply, which spans a few failed elections. Log segments are 2 MiB.
 *
 * <p>Revisions: a command's revision is its entry's log index, or one past the previous revision when an earlier
 * batch used more revisions than it had entries. Ratis also writes configuration and no-op entries into the log (and
 * older logs hold its metadata entries), so revisions of successive writes are not contiguous; watchers and clients
 * must only rely on their order.
 */
public record RaftConfig(
        String id,
        Path dataDir,
        String address,
        Map<String, String> peers,
        long snapshotEvery,
        Duration electionMin,
        Duration electionMax,
        Duration requestTimeout,
        long logSegmentBytes,
        boolean logMetadata,
        Limits limits) {

    /**
     * Defaults: snapshot every 10,000 entries; elections 300–600 ms; writes time out after 10 s; 2 MiB log segments;
     * no log metadata entries; {@link Limits#DEFAULT}.
     */
    public static RaftConfig of(String id, Path dataDir, String address, Map<String, String> peers) {
        return new RaftConfig(
                id,
                dataDir,
                address,
                Map.copyOf(peers),
                10_000,
                Duration.ofMillis(300),
                Duration.ofMillis(600),
                Duration.ofSeconds(10),
                2L << 20,
                false,
                Limits.DEFAULT);
    }

    /** A copy that snapshots every {@code entries} entries. */
    public RaftConfig withSnapshotEvery(long entries) {
        return copy(entries, electionMin, electionMax, requestTimeout, logSegmentBytes, logMetadata);
    }

    /**
     * A copy with log segments of {@code bytes}. Only closed segments are purged after a snapshot, so tests that need
     * a compacted log use small segments.
     */
    public RaftConfig withLogSegmentBytes(long bytes) {
        return copy(snapshotEvery, electionMin, electionMax, requestTimeout, bytes, logMetadata);
    }

    /** A copy whose followers stand for election after {@code min} to {@code max} of silence from the leader. */
    public RaftConfig withElectionTimeout(Duration min, Duration max) {
        return copy(snapshotEvery, min, max, requestTimeout, logSegmentBytes, logMetadata);
    }

    /**
     * A copy with Ratis's log metadata entries (the commit index, appended after each commit) on or off. Off by
     * default: each is one more entry every peer appends, syncs and replicates; {@link CommitPush} tells followers of
     * commits instead, and a restarted peer, which without them recovers only up to its snapshot, serves no local
     * read until it has caught up ({@link RaftNode#caughtUp}). README, "Raft timing".
     */
    public RaftConfig withLogMetadata(boolean on) {
        return copy(snapshotEvery, electionMin, electionMax, requestTimeout, logSegmentBytes, on);
    }

    /** A copy with other memory and batching limits. */
    public RaftConfig withLimits(Limits other) {
        return new RaftConfig(
                id,
                dataDir,
                address,
                peers,
                snapshotEvery,
                electionMin,
                electionMax,
                requestTimeout,
                logSegmentBytes,
                logMetadata,
                other);
    }

    /** A copy whose writes give up after {@code timeout}. */
    public RaftConfig withRequestTimeout(Duration timeout) {
        return copy(snapshotEvery, electionMin, electionMax, timeout, logSegmentBytes, logMetadata);
    }

    /** This peer (id, directory, address, group) with other timing and log settings. */
    private RaftConfig copy(
            long snapshots, Duration min, Duration max, Duration timeout, long segmentBytes, boolean metadata) {
        return new RaftConfig(
                id, dataDir, address, peers, snapshots, min, max, timeout, segmentBytes, metadata, limits);
    }
}
