package dev.mvirt.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetTest {
    private static final ConfigFile.Contents FILE = new ConfigFile.Contents(
            "prod",
            Map.of(
                    "prod",
                    new Remote("http://prod:8080", "p-token", "web"),
                    "lab",
                    new Remote("http://lab:8080", "", "")));
    private static final Target.Flags NONE = new Target.Flags("", "", "", "");

    @Test
    void fileAloneGivesTheCurrentRemote() {
        Target t = Target.resolve(NONE, Map.of(), FILE);
        assertThat(t).isEqualTo(new Target("prod", "http://prod:8080", "p-token", "web", java.util.List.of()));
    }

    @Test
    void environmentOverridesTheFileWithAWarning() {
        Target t = Target.resolve(NONE, Map.of("MVIRT_ENDPOINT", "http://other:1", "MVIRT_TOKEN", "p-token"), FILE);
        assertThat(t.endpoint()).isEqualTo("http://other:1");
        assertThat(t.warnings()).containsExactly("MVIRT_ENDPOINT overrides the endpoint of remote 'prod'");
    }

    @Test
    void flagsOverrideEverythingSilently() {
        Target t = Target.resolve(
                new Target.Flags("lab", "http://x:1", "tok", "p"), Map.of("MVIRT_ENDPOINT", "http://e:1"), FILE);
        assertThat(t).isEqualTo(new Target("lab", "http://x:1", "tok", "p", java.util.List.of()));
    }

    @Test
    void defaultsWithoutAnything() {
        Target t = Target.resolve(NONE, Map.of(), new ConfigFile.Contents("", Map.of()));
        assertThat(t.endpoint()).isEqualTo(Target.DEFAULT_ENDPOINT);
        assertThat(t.project()).isEqualTo("default");
        assertThat(t.token()).isEmpty();
        assertThat(Target.resolve(NONE, Map.of("MVIRT_REMOTE", "lab"), FILE).endpoint())
                .isEqualTo("http://lab:8080");
        assertThatThrownBy(() -> Target.resolve(new Target.Flags("nope", "", "", ""), Map.of(), FILE))
                .hasMessageContaining("no remote named 'nope'");
    }
}
