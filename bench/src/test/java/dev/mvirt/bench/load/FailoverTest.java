package dev.mvirt.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailoverTest {
    @Test
    void theWindowIsTheLongestGapAfterTheFaultUpToTheEnd() {
        long[] done = {5, 100, 130, 400, 420};
        assertThat(Failover.window(done, 100, 500)).isEqualTo(270);
        assertThat(Failover.Gap.of(done, 100, 500)).isEqualTo(new Failover.Gap(130, 270, 130));
    }

    @Test
    void noSuccessAfterTheFaultIsTheWholeObservedTime() {
        assertThat(Failover.window(new long[] {5, 50}, 100, 900)).isEqualTo(800);
        assertThat(Failover.Gap.of(new long[] {5, 50}, 100, 900).firstSuccess()).isEqualTo(-1);
        assertThat(Failover.describe("t", new long[] {150}, 100, 1_000_100)).contains("longest gap 1 ms from +0 ms");
    }
}
