package dev.mvirt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingTest {
    @Test
    void aRateStillClimbingAFewPercentPerRoundIsNotSteady() {
        assertThat(BenchMain.steady(List.of(100.0, 200.0, 250.0, 260.0, 270.0, 279.0)))
                .isFalse();
    }

    @Test
    void fourRoundsWithinFivePercentAfterSixAreSteady() {
        assertThat(BenchMain.steady(List.of(100.0, 200.0, 330.0, 320.0, 335.0, 328.0)))
                .isTrue();
        assertThat(BenchMain.steady(List.of(330.0, 320.0, 335.0, 328.0))).isFalse();
    }
}
