package dev.mvirt.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    private static RunResult run(String system, double rate, double p99) {
        return new RunResult("write c=64", system, Math.round(rate * 10), 0, 10, 10, p99, 2 * p99, 0.0003);
    }

    @Test
    void theSummaryGivesTheMedianOfEachRatioItsRangeAndHowOftenTheP99WasNoWorse() {
        List<List<RunResult>> runs = List.of(
                List.of(run("mvirt", 5000, 30), run("etcd", 4000, 40)), // p99 0.75
                List.of(run("mvirt", 4000, 44), run("etcd", 4000, 40)), // p99 1.10
                List.of(run("mvirt", 6000, 36), run("etcd", 5000, 30))); // p99 1.20

        String[] lines = Table.summary(runs).split(System.lineSeparator());

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("  median of 3").contains("    5000 ", "   36.00 ", "    4000 ", "   40.00 ");
        assertThat(lines[0]).endsWith("|   1.20   1.00   1.10   1.10   1.00");
        assertThat(lines[1]).contains("1.00-1.25 1.00-1.00 0.75-1.20").endsWith("mvirt p99 <= etcd's in 1 of 3");
    }

    @Test
    void oneSystemsSummaryIsItsMedians() {
        String s = Table.summary(List.of(List.of(run("mvirt", 10, 3)), List.of(run("mvirt", 30, 1))));

        assertThat(s).doesNotContain(System.lineSeparator()).contains("      20 ", "    2.00 ");
    }
}
