package dev.mvirt.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizes() {
        assertThat(Units.parseBytes("s", "10GiB")).isEqualTo(10L << 30);
        assertThat(Units.parseBytes("s", "512M")).isEqualTo(512L << 20);
        assertThat(Units.parseBytes("s", "4096")).isEqualTo(4096);
        assertThat(Units.bytes(1536L << 20)).isEqualTo("1.5GiB");
        assertThat(Units.bytes(16L << 30)).isEqualTo("16GiB");
        assertThat(Units.bytes(100)).isEqualTo("100B");
        assertThatThrownBy(() -> Units.parseBytes("--size", "ten")).hasMessageContaining("--size");
        assertThatThrownBy(() -> Units.parseBytes("--size", "99999999999P")).hasMessageContaining("too large");
    }

    @Test
    void durationsAndAges() {
        assertThat(Units.parseDuration("t", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Units.parseDuration("t", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Units.parseDuration("t", "30")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> Units.parseDuration("--timeout", "soon")).hasMessageContaining("--timeout");
        assertThat(Units.age(1_000, 61_000)).isEqualTo("60s");
        assertThat(Units.age(0, 3 * 86_400_000L)).isEmpty();
        assertThat(Units.age(1, 3 * 86_400_000L)).isEqualTo("2d");
    }
}
