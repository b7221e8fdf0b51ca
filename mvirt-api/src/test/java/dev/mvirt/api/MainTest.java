package dev.mvirt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.api.raft.Limits;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void limitFlagsAreCommaSeparatedAndRepeatable() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--limit", "event-history=500,batch-commands=16", "--limit", "kept-outcomes=9");

        Limits l = main.parseLimits();

        assertThat(l.eventHistory()).isEqualTo(500);
        assertThat(l.batchCommands()).isEqualTo(16);
        assertThat(l.keptOutcomes()).isEqualTo(9);
        assertThat(l.cachedSegments()).isEqualTo(Limits.DEFAULT.cachedSegments());
    }

    @Test
    void withoutLimitFlagsTheDefaultsHold() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--id", "api2");

        assertThat(main.parseLimits()).isEqualTo(Limits.DEFAULT);
    }

    @Test
    void aBadLimitIsAUsageErrorNamingIt() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--limit", "batch-bytes=0");

        assertThatThrownBy(main::parseLimits)
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--limit batch-bytes: must be at least 1, got 0");
    }
}
