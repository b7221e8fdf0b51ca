package dev.mvirt.api.raft;

import dev.mvirt.api.store.Deadlines;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.RaftServer;
import org.jspecify.annotations.Nullable;

/**
 * The leader's half of a linearizable read (ReadIndex, Raft thesis §6.4), done here rather than by Ratis: a round,
 * started once the read has arrived, takes this leader's commit index and hands it out once a majority of the
 * configuration (this peer counting as one) has accepted, in this leader's term, a request the leader built after the
 * round started. The reader then waits until it has applied that index.
 *
 * <p>Why not Ratis 3.3's ReadIndex: it answers at once, asking no follower, when its commit index has not moved since
 * the last read it confirmed ({@code LeaderStateImpl.getReadIndex}: "already acknowledged"). A leader that was paused
 * or cut off keeps its commit index, so it answered reads from its old state while another leader had committed newer
 * writes (RobustnessIT's stale read in session 16; {@code RaftStoreIT
 * aLeaderCutOffFromItsFollowersAnswersNoLinearizableRead}).
 *
 * <p>What counts as a follower's acceptance: a reply of SUCCESS or INCONSISTENCY (the follower took this leader's
 * term; NOT_LEADER does not count) to a request whose call id is at or past the one its appender would give next when
 * the round started. Replies to earlier requests, such as those that waited in a socket while this peer was paused, do
 * not count. One round runs at a time ({@link OneAtATime}): reads that arrive while one runs share the next, so under
 * load one round of heartbeats serves many reads.
 */
final class LeaderReads {
    /** One follower's appender, as a read sees it ({@link CommitPush}). */
    interface Follower {
        RaftPeerId id();

        /** The leader term this appender serves. */
        long term();

        /** The call id this appender's next request gets. */
        long nextCallId();

        /** The highest call id of a reply in which the follower accepted this leader's term; -1 if none yet. */
        long accepted();

        boolean running();

        /** Asks the appender to send a heartbeat now (Ratis's {@code LogAppender} method). */
        void triggerHeartbeat();
    }

    /**
     * This peer's view of itself when a read arrives: whether it leads, and is ready (has applied its first entry of
     * the term, so its commit index covers every earlier term), its commit index, and the voting peers of the current
     * and, during a change, the previous configuration (empty otherwise).
     */
    record Leadership(
            RaftPeerId self,
            long term,
            boolean leader,
            boolean ready,
            long commitIndex,
            Set<RaftPeerId> current,
            Set<RaftPeerId> previous) {
        /** Read from Ratis in this order, the term first. */
        static Leadership of(RaftServer.Division d) {
            DivisionInfo info = d.getInfo();
            long term = info.getCurrentTerm();
            boolean leader = info.isLeader();
            boolean ready = info.isLeaderReady();
            long commit = d.getRaftLog().getLastCommittedIndex();
            RaftConfiguration conf = d.getRaftConf();
            return new Leadership(
                    d.getId(), term, leader, ready, commit, ids(conf.getCurrentPeers()), ids(conf.getPreviousPeers()));
        }

        private static Set<RaftPeerId> ids(Collection<RaftPeer> peers) {
            return peers.stream().map(RaftPeer::getId).collect(Collectors.toUnmodifiableSet());
        }
    }

    private final Supplier<Leadership> leadership;
    private final Supplier<? extends Collection<? extends Follower>> followers;
    private final Duration attempt;
    private final OneAtATime<Long> rounds = new OneAtATime<>(this::round);
    /** The round waiting for a majority, if any. */
    private final AtomicReference<@Nullable Pending> current = new AtomicReference<>();

    /**
     * @param leadership this peer's view of itself, read when a round starts
     * @param followers the appenders this peer runs (those of earlier terms may still be among them)
     * @param attempt how long one read waits for a majority before it fails (the caller may try again)
     */
    LeaderReads(
            Supplier<Leadership> leadership,
            Supplier<? extends Collection<? extends Follower>> followers,
            Duration attempt) {
        this.leadership = leadership;
        this.followers = followers;
        this.attempt = attempt;
    }

    /**
     * The index a linearizable read arriving now must see, once confirmed (by the round that starts now, or by the
     * next if one runs); fails (to be tried again, perhaps at another peer) when this peer does not lead, is not
     * ready, cannot reach a majority, or no majority accepted a request within the attempt.
     */
    CompletableFuture<Long> confirm() {
        return rounds.get();
    }

    /** One round: this peer's view and its followers' next call ids now, then a heartbeat to each. */
    private CompletableFuture<Long> round() {
        Leadership l = leadership.get();
        if (!l.leader()) {
            return CompletableFuture.failedFuture(new ReadRefused("not the leader"));
        }
        if (!l.ready()) {
            return CompletableFuture.failedFuture(new ReadRefused("leader not ready (term " + l.term() + ")"));
        }
        Map<RaftPeerId, Need> needs = new HashMap<>();
        for (Follower f : followers.get()) {
            if (f.term() == l.term() && f.running()) {
                needs.put(f.id(), new Need(f, f.nextCallId()));
            }
        }
        Pending p = new Pending(l, Map.copyOf(needs));
        if (p.confirmed()) {
            return CompletableFuture.completedFuture(l.commitIndex()); // a group of one
        }
        if (!p.possible()) {
            return CompletableFuture.failedFuture(new ReadRefused("no majority of followers to confirm with"));
        }
        current.set(p);
        // the next round may start before this callback runs (OneAtATime): clear only this one
        Deadlines.bound(p.future, attempt).whenComplete((i, t) -> current.compareAndSet(p, null));
        needs.values().forEach(n -> n.follower().triggerHeartbeat());
        p.check(); // a reply that came in before the round was registered
        return p.future;
    }

    /** A follower accepted a request of its leader's term: completes the round if that makes a majority. */
    void accepted() {
        Pending p = current.get();
        if (p != null) {
            p.check();
        }
    }

    /** An appender stopped (this peer stepped down, or Ratis replaced it): a round no majority can confirm fails. */
    void stopped() {
        Pending p = current.get();
        if (p != null && !p.possible()) {
            p.future.completeExceptionally(new ReadRefused("leadership ended before a majority confirmed it"));
        }
    }

    /**
     * Whether a round waits for a majority (tests). A round that ended is not waiting even before its callback has
     * cleared it (that runs after the reader may already have seen the end).
     */
    boolean waiting() {
        Pending p = current.get();
        return p != null && !p.future.isDone();
    }

    /** A read this peer cannot confirm now; another attempt (here or at the new leader) may. */
    static final class ReadRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadRefused(String why) {
            super(why, null, false, false);
        }
    }

    /** A reply from {@code follower} with a call id at or past {@code callId} counts. */
    private record Need(Follower follower, long callId) {
        boolean met() {
            return follower.accepted() >= callId;
        }
    }

    private static final class Pending {
        final Leadership at;
        final Map<RaftPeerId, Need> needs;
        final CompletableFuture<Long> future = new CompletableFuture<>();

        Pending(Leadership at, Map<RaftPeerId, Need> needs) {
            this.at = at;
            this.needs = needs;
        }

        void check() {
            if (!future.isDone() && confirmed()) {
                future.complete(at.commitIndex());
            }
        }

        boolean confirmed() {
            return majority(at.current(), true) && majority(at.previous(), true);
        }

        /** Whether a majority could still confirm: enough of the followers needed have running appenders. */
        boolean possible() {
            return majority(at.current(), false) && majority(at.previous(), false);
        }

        /** A majority of {@code peers} (none: true) counting this peer and followers that met (or may meet) their need. */
        private boolean majority(Set<RaftPeerId> peers, boolean met) {
            if (peers.isEmpty()) {
                return true;
            }
            int yes = 0;
            for (RaftPeerId p : peers) {
                Need n = needs.get(p);
                if (p.equals(at.self())
                        || (n != null && (met ? n.met() : n.follower().running()))) {
                    yes++;
                }
            }
            return 2 * yes > peers.size();
        }
    }
}
