package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.protocol.RaftPeerId;
import org.junit.jupiter.api.Test;

class LeaderReadsTest {
    private static final RaftPeerId P1 = RaftPeerId.valueOf("p1");
    private static final RaftPeerId P2 = RaftPeerId.valueOf("p2");
    private static final RaftPeerId P3 = RaftPeerId.valueOf("p3");
    private static final RaftPeerId P4 = RaftPeerId.valueOf("p4");

    private LeaderReads.Leadership view = leading(Set.of(P1, P2, P3), Set.of());
    private final List<FakeFollower> followers = new ArrayList<>();
    private final LeaderReads reads = new LeaderReads(() -> view, () -> followers, Duration.ofSeconds(5));

    @Test
    void aGroupOfOneConfirmsAtOnce() throws Exception {
        view = leading(Set.of(P1), Set.of());
        assertThat(reads.confirm().get(1, TimeUnit.SECONDS)).isEqualTo(40L);
    }

    @Test
    void aPeerThatDoesNotLeadOrIsNotReadyRefuses() {
        view = new LeaderReads.Leadership(P1, 7, false, false, 40, Set.of(P1, P2, P3), Set.of());
        assertRefused(reads.confirm(), "not the leader");
        view = new LeaderReads.Leadership(P1, 7, true, false, 40, Set.of(P1, P2, P3), Set.of());
        assertRefused(reads.confirm(), "not ready");
    }

    @Test
    void onlyAReplyToARequestBuiltAfterTheReadArrivedConfirmsIt() throws Exception {
        FakeFollower p2 = follower(P2, 7);
        follower(P3, 7);
        p2.next = 10; // requests 0..9 went out before the read; their replies may still be on the way
        CompletableFuture<Long> read = reads.confirm();
        view = new LeaderReads.Leadership(P1, 7, true, true, 45, view.current(), view.previous());

        p2.accept(9); // the answer to a heartbeat sent before the read (a paused leader reading its socket)
        assertThat(read).isNotDone();
        assertThat(p2.heartbeats).isEqualTo(1);

        p2.accept(10);
        assertThat(read.get(1, TimeUnit.SECONDS)).isEqualTo(40L); // the commit index when the read arrived
        assertThat(reads.waiting()).isFalse();
    }

    @Test
    void appendersOfAnEarlierTermDoNotCount() {
        follower(P2, 6);
        follower(P3, 6);
        assertRefused(reads.confirm(), "no majority");
    }

    @Test
    void aReadFailsWhenTheAppendersItWaitsForStop() {
        FakeFollower p2 = follower(P2, 7);
        FakeFollower p3 = follower(P3, 7);
        CompletableFuture<Long> read = reads.confirm();
        p2.running = false;
        reads.stopped();
        assertThat(read).isNotDone(); // p3 may still answer
        p3.running = false;
        reads.stopped();
        assertRefused(read, "leadership ended");
    }

    @Test
    void duringAConfigurationChangeBothMajoritiesMustConfirm() throws Exception {
        view = leading(Set.of(P1, P2, P3), Set.of(P1, P3, P4));
        FakeFollower p2 = follower(P2, 7);
        FakeFollower p3 = follower(P3, 7);
        follower(P4, 7);
        CompletableFuture<Long> read = reads.confirm();
        p2.accept(0); // a majority of the new configuration, not of the old one
        assertThat(read).isNotDone();
        p3.accept(0);
        assertThat(read.get(1, TimeUnit.SECONDS)).isEqualTo(40L);
    }

    @Test
    void readsThatArriveWhileARoundRunsShareTheNextRound() throws Exception {
        FakeFollower p2 = follower(P2, 7);
        follower(P3, 7);
        CompletableFuture<Long> first = reads.confirm();
        p2.next = 1; // the round's heartbeat went out
        view = new LeaderReads.Leadership(P1, 7, true, true, 41, view.current(), view.previous());
        CompletableFuture<Long> second = reads.confirm();
        CompletableFuture<Long> third = reads.confirm();
        assertThat(third).isSameAs(second);
        assertThat(p2.heartbeats).isEqualTo(1); // the second round has not started

        p2.accept(0); // confirms the first round; the second starts now, needing a reply to a request sent after
        assertThat(first.get(1, TimeUnit.SECONDS)).isEqualTo(40L);
        assertThat(p2.heartbeats).isEqualTo(2);
        assertThat(second).isNotDone();
        p2.accept(1);
        assertThat(second.get(1, TimeUnit.SECONDS)).isEqualTo(41L); // the commit index when that round started
    }

    @Test
    void aReadNoMajorityConfirmsInTimeFails() {
        LeaderReads quick = new LeaderReads(() -> view, () -> followers, Duration.ofMillis(50));
        follower(P2, 7);
        follower(P3, 7);
        assertThatThrownBy(() -> quick.confirm().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(quick.waiting()).isFalse();
    }

    private static LeaderReads.Leadership leading(Set<RaftPeerId> current, Set<RaftPeerId> previous) {
        return new LeaderReads.Leadership(P1, 7, true, true, 40, current, previous);
    }

    private FakeFollower follower(RaftPeerId id, long term) {
        FakeFollower f = new FakeFollower(id, term);
        followers.add(f);
        return f;
    }

    private static void assertRefused(CompletableFuture<Long> read, String why) {
        assertThatThrownBy(() -> read.get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(LeaderReads.ReadRefused.class)
                .hasMessageContaining(why);
    }

    private final class FakeFollower implements LeaderReads.Follower {
        final RaftPeerId id;
        final long term;
        long next;
        long accepted = -1;
        boolean running = true;
        int heartbeats;

        FakeFollower(RaftPeerId id, long term) {
            this.id = id;
            this.term = term;
        }

        void accept(long callId) {
            accepted = Math.max(accepted, callId);
            reads.accepted();
        }

        @Override
        public RaftPeerId id() {
            return id;
        }

        @Override
        public long term() {
            return term;
        }

        @Override
        public long nextCallId() {
            return next;
        }

        @Override
        public long accepted() {
            return accepted;
        }

        @Override
        public boolean running() {
            return running;
        }

        @Override
        public void triggerHeartbeat() {
            heartbeats++;
        }
    }
}
