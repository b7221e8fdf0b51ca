package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsRulesTest {
    private final Fixtures f = new Fixtures();

    @Test
    void changesKnownKeysAndFeatureFlags() {
        f.done(new Command.SetSettings(Map.of(
                Settings.SCHEDULER_STRATEGY, "binpack", Settings.OVERCOMMIT_CPU, "2.5", "feature.consoles", "true")));
        Settings s = f.state().settings();
        assertThat(s.strategy()).isEqualTo("binpack");
        assertThat(s.cpuOvercommit()).isEqualTo(2.5);
        assertThat(s.feature("consoles")).isTrue();
        assertThat(s.feature("other")).isFalse();
    }

    @Test
    void emptyResetsAKeyAndRemovesAFlag() {
        f.done(new Command.SetSettings(Map.of(Settings.NODE_GRACE_SECONDS, "60", "feature.x", "true")));
        f.done(new Command.SetSettings(Map.of(Settings.NODE_GRACE_SECONDS, "", "feature.x", "")));
        assertThat(f.state().settings()).isEqualTo(Settings.defaults());
    }

    @Test
    void refusesUnknownKeysAndBadValuesNamingTheKey() {
        assertInvalid(f.reject(new Command.SetSettings(Map.of("nope", "1"))), "settings.nope");
        assertInvalid(f.reject(new Command.SetSettings(Map.of("nope", ""))), "settings.nope");
        assertInvalid(
                f.reject(new Command.SetSettings(Map.of(Settings.SCHEDULER_STRATEGY, "random"))),
                "settings.scheduler.strategy");
        assertInvalid(
                f.reject(new Command.SetSettings(Map.of(Settings.OVERCOMMIT_CPU, "0.5"))), "settings.overcommit.cpu");
        assertInvalid(
                f.reject(new Command.SetSettings(Map.of(Settings.OVERCOMMIT_CPU, "NaN"))), "settings.overcommit.cpu");
        assertInvalid(
                f.reject(new Command.SetSettings(Map.of(Settings.OVERCOMMIT_MEMORY, "5"))),
                "settings.overcommit.memory");
        assertInvalid(
                f.reject(new Command.SetSettings(Map.of(Settings.NODE_GRACE_SECONDS, "2"))),
                "settings.node.graceSeconds");
        assertInvalid(
                f.reject(new Command.SetSettings(Map.of("vm.stoppedKeepsReservation", "false"))),
                "settings.vm.stoppedKeepsReservation");
        assertInvalid(f.reject(new Command.SetSettings(Map.of("feature.x", "1"))), "settings.feature.x");
        assertInvalid(f.reject(new Command.SetSettings(Map.of("feature.-x", "true"))), "settings.feature.-x");
    }

    @Test
    void allOrNothing() {
        var r = f.reject(new Command.SetSettings(
                Map.of(Settings.SCHEDULER_STRATEGY, "binpack", Settings.OVERCOMMIT_CPU, "100")));
        assertInvalid(r, "settings.overcommit.cpu");
        assertThat(f.state().settings().strategy()).isEqualTo("spread");
    }
}
