package dev.mvirt.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "web-1", "db_2", "v1.2", "0abc"})
    void acceptsNames(String name) {
        assertThat(Check.name("name", name)).isEmpty();
        assertThat(Check.name("name", "a".repeat(63))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "/", "..", "a..b", "-x", ".x", "_x", "a b", "a\u0000", "a\n", "a\u007f", "é"})
    void refusesNamesNamingTheField(String name) {
        assertThat(Check.name("spec.pool", name))
                .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("spec.pool"));
        assertThat(Check.name("n", "a".repeat(64))).isPresent();
    }

    @Test
    void paths() {
        assertThat(Check.path("p", "")).isEmpty();
        assertThat(Check.path("p", "/boot/vmlinuz-6.1")).isEmpty();
        for (String bad : List.of("boot", "/a/../b", "/a/./b", "/a/-rf", "/a\nb", "/" + "a".repeat(1024))) {
            assertThat(Check.path("spec.boot.kernel", bad))
                    .as(bad)
                    .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("spec.boot.kernel"));
        }
    }

    @Test
    void labels() {
        assertThat(Check.labels("labels", Map.of("example.com/tier", "web", "k", "")))
                .isEmpty();
        assertThat(Check.labels("labels", Map.of("k", "-v"))).isPresent();
        assertThat(Check.labels("labels", Map.of("k/", "v"))).isPresent();
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 65; i++) {
            many.put("k" + i, "v");
        }
        assertThat(Check.labels("labels", many))
                .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("labels"));
    }

    @Test
    void uuidsMacsAndText() {
        assertThat(Check.uuid("id", "00000000-0000-4000-8000-000000000001")).isEmpty();
        assertThat(Check.uuid("id", "00000000-0000-4000-8000-00000000000")).isPresent();
        assertThat(Check.mac("mac", "02:00:00:00:00:01")).isEmpty();
        assertThat(Check.mac("mac", "02:00:00:00:00:0G")).isPresent();
        assertThat(Check.mac("mac", "02-00-00-00-00-01")).isPresent();
        assertThat(Check.mac("mac", "03:00:00:00:00:01")).isPresent();
        assertThat(Check.mac("mac", "ff:ff:ff:ff:ff:ff")).isPresent();
        assertThat(Check.text("t", "a\0b", 10)).isPresent();
        assertThat(Check.text("t", "abc", 2)).isPresent();
        assertThat(Check.text("t", "a\uD800b", 10))
                .get()
                .extracting(FieldError::reason)
                .asString()
                .contains("surrogate");
        assertThat(Check.text("t", "emoji \uD83D\uDE00 ok", 20)).isEmpty();
        assertThat(Check.names("h", List.of("a", "a"))).isPresent();
        assertThat(Check.names("h", List.of("a", "b/c")))
                .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("h[1]"));
    }

    @Test
    void vmSpecFieldsAreNamed() {
        VmSpec ok = new VmSpec(
                1,
                512,
                new Boot("/boot/vmlinuz", "/boot/initrd", "console=ttyS0", ""),
                List.of(),
                List.of(),
                "",
                List.of("ssh-ed25519 AAAA user@host"),
                Map.of(),
                "",
                "qemu",
                VmSpec.DesiredState.RUNNING,
                VmSpec.StopMode.GRACEFUL,
                0);
        assertThat(ok.validate()).isEmpty();
        assertThat(new Boot("", "", "", "").validate())
                .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("spec.boot"));
        assertThat(new Boot("/k", "", "a\nb", "").validate())
                .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("spec.boot.cmdline"));
        assertThat(new Boot("", "/i", "", "v").validate()).isPresent();
    }
}
