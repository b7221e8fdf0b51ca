package dev.mvirt.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void parsesUnixAndTcp() {
        assertThat(Endpoint.parse("unix:/run/mvirt/vmm.sock"))
                .isEqualTo(new Endpoint.Unix(Path.of("/run/mvirt/vmm.sock")));
        assertThat(Endpoint.parse("127.0.0.1:50056")).isEqualTo(new Endpoint.Tcp("127.0.0.1", 50056));
        assertThat(Endpoint.parse("[::1]:80")).isEqualTo(new Endpoint.Tcp("::1", 80));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Endpoint.parse("unix:relative.sock")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> Endpoint.parse("host")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> Endpoint.parse("host:abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Endpoint.parse("host:70000")).hasMessageContaining("range");
    }
}
