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
}
