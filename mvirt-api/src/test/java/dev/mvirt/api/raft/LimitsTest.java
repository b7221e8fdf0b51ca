package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {
    @Test
    void overridesChangeOnlyTheNamedLimits() {
        Limits l = Limits.DEFAULT.with(Map.of("event-history", "50000", "batch-commands", " 64 "));

        assertThat(l.eventHistory()).isEqualTo(50_000);
        assertThat(l.batchCommands()).isEqualTo(64);
        assertThat(l.cachedSegments()).isEqualTo(Limits.DEFAULT.cachedSegments());
        assertThat(l.keptOutcomes()).isEqualTo(Limits.DEFAULT.keptOutcomes());
        assertThat(l.batchInFlight()).isEqualTo(Limits.DEFAULT.batchInFlight());
        assertThat(l.batchBytes()).isEqualTo(Limits.DEFAULT.batchBytes());
    }

    @Test
    void everyNameSetsItsOwnField() {
        Limits.NAMES.forEach((name, field) -> {
            Limits l = Limits.DEFAULT.with(Map.of(name, "7"));
            assertThat(field.applyAsInt(l)).as(name).isEqualTo(7);
            Limits.NAMES.forEach((other, f) -> {
                if (!other.equals(name)) {
                    assertThat(f.applyAsInt(l)).as(other).isEqualTo(f.applyAsInt(Limits.DEFAULT));
                }
            });
        });
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Limits.DEFAULT.with(Map.of("events", "10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--limit events: unknown limit")
                .hasMessageContaining("event-history");
    }

    @Test
    void aValueThatIsNotAWholeNumberIsRefused() {
        assertThatThrownBy(() -> Limits.DEFAULT.with(Map.of("batch-bytes", "1MiB")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--limit batch-bytes: expected a whole number, got '1MiB'");
    }

    @Test
    void aValueBelowItsMinimumIsRefused() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("batch-commands", "64");
        overrides.put("event-history", "1");

        assertThatThrownBy(() -> Limits.DEFAULT.with(overrides))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--limit event-history: must be at least 2, got 1");
    }

    @Test
    void theRecordChecksItsFiguresToo() {
        assertThatThrownBy(() -> new Limits(0, 1, 2, 1, 1, 1))
                .hasMessage("--limit cached-segments: must be at least 1, got 0");
    }
}
