package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitPushTest {
    @Test
    void aFollowerWhoseLogEndsBelowTheMatchIndexIsBelieved() {
        // the RobustnessIT case: match index 1853 from a heartbeat, the restarted follower's log ends at 1850,
        // Ratis would resume at 1854 (match + 1) and the follower would refuse it forever
        assertThat(CommitPush.resumeAt(1854, 1851, 1853)).isEqualTo(1851);
    }

    @Test
    void otherwiseRatisDecides() {
        assertThat(CommitPush.resumeAt(1851, 1851, 1850)).isEqualTo(1851);
        assertThat(CommitPush.resumeAt(40, 60, 39)).isEqualTo(40);
        assertThat(CommitPush.resumeAt(7, 0, 10)).isEqualTo(7);
    }

    @Test
    void aFollowerWaitingForItsOwnCommittedEntryIsToldAtOnce() {
        // it proposed 41, which is committed and on its disk; it knows commit 40
        assertThat(CommitPush.decide(41, 40, false, 41)).isEqualTo(CommitPush.Push.NOW);
        assertThat(CommitPush.decide(45, 40, false, 43)).isEqualTo(CommitPush.Push.NOW);
    }

    @Test
    void aFollowerWaitingForNothingOfItsOwnIsToldLater() {
        // its last proposal it knows committed already (30 <= 40), or proposed nothing (0)
        assertThat(CommitPush.decide(41, 40, false, 30)).isEqualTo(CommitPush.Push.LATER);
        assertThat(CommitPush.decide(41, 40, false, 0)).isEqualTo(CommitPush.Push.LATER);
        // its proposal 44 is committed but not yet on its disk (applicable 41): a heartbeat now would not let it
        // answer its writer; its own append reply brings the check again
        assertThat(CommitPush.decide(41, 40, false, 44)).isEqualTo(CommitPush.Push.LATER);
    }

    @Test
    void nothingWhenTheFollowerKnowsOrAnAppendCarriesTheCommit() {
        assertThat(CommitPush.decide(40, 40, false, 40)).isEqualTo(CommitPush.Push.NONE);
        assertThat(CommitPush.decide(39, 40, false, 39)).isEqualTo(CommitPush.Push.NONE);
        assertThat(CommitPush.decide(41, 40, true, 41)).isEqualTo(CommitPush.Push.NONE);
    }

    @Test
    void theReplyTellsAProposerThatHoldsItsEntry() {
        // the leader applied 41; the proposer acknowledged 41 (or more): its reply carries the commit, no push
        assertThat(CommitPush.replyTells(41, 41)).isTrue();
        assertThat(CommitPush.replyTells(43, 41)).isTrue();
        // it has acknowledged only 40: it cannot apply 41 from the reply, so it is pushed to once it acknowledges
        assertThat(CommitPush.replyTells(40, 41)).isFalse();
    }
}
