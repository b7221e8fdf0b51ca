package dev.mvirt.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.common.grpc.Endpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void listenDefaultsToPort50052() {
        assertThat(Main.tcp("127.0.0.1")).isEqualTo(new Endpoint.Tcp("127.0.0.1", 50052));
        assertThat(Main.tcp("0.0.0.0:6000")).isEqualTo(new Endpoint.Tcp("0.0.0.0", 6000));
        assertThat(Main.tcp("[::1]")).isEqualTo(new Endpoint.Tcp("::1", 50052));
    }

    @Test
    void pathsAreCheckedNamingTheFlag() {
        assertThat(Paths.check("--data-dir", "/var/lib/mvirt/log/", 4096)).isEqualTo(Path.of("/var/lib/mvirt/log"));
        assertThatThrownBy(() -> Paths.check("--data-dir", "relative", 4096)).hasMessageStartingWith("--data-dir");
        assertThatThrownBy(() -> Paths.check("--socket", "/run/../etc/x", 107)).hasMessageContaining("..");
        assertThatThrownBy(() -> Paths.check("--socket", "/run/a\nb", 107)).hasMessageContaining("control");
        assertThatThrownBy(() -> Paths.check("--socket", "/" + "a".repeat(200), 107))
                .hasMessageStartingWith("--socket");
    }
}
