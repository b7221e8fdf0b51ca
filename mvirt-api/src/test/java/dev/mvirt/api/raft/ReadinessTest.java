package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadinessTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aPeerThatAppliedEverythingCommittedIsReady() {
        assertThat(new Readiness().caughtUp(10, 10, 0)).isTrue();
    }

    @Test
    void aPeerApplyingAFewEntriesBehindIsReadyWhileItsAppliedIndexMoves() {
        Readiness r = new Readiness();
        assertThat(r.caughtUp(12, 10, 0)).isTrue();
        assertThat(r.caughtUp(40, 38, 10 * SECOND)).isTrue();
        assertThat(r.caughtUp(41, 38, 12 * SECOND)).as("stood still 2 s").isTrue();
    }

    @Test
    void anApplyThatStoppedBehindTheCommitIndexIsNotReady() {
        Readiness r = new Readiness();
        assertThat(r.caughtUp(12, 10, 0)).isTrue();
        assertThat(r.caughtUp(12, 10, 6 * SECOND)).isFalse();
        assertThat(r.caughtUp(12, 11, 7 * SECOND)).as("moving again").isTrue();
        assertThat(r.caughtUp(12, 12, 20 * SECOND)).as("caught up").isTrue();
    }

    @Test
    void aPeerFarBehindIsNotReadyEvenWhileItApplies() {
        Readiness r = new Readiness();
        assertThat(r.caughtUp(5_000, 10, 0)).isFalse();
        assertThat(r.caughtUp(5_000, 3_999, SECOND)).isFalse();
        assertThat(r.caughtUp(5_000, 4_000, 2 * SECOND)).isTrue();
    }
}
