package dev.mvirt.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {
    @Test
    void portsAreDistinctBindableAndBelowTheEphemeralRange() throws IOException {
        int high = Ports.ephemeralLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(Ports.LOW, high - 1);
            assertThat(seen.add(port)).as("port %d given twice", port).isTrue();
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    @Test
    void theRangeFileIsReadAndAMissingOrOddOneFallsBack(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("range");
        Files.writeString(f, "40000\t60999\n");
        assertThat(Ports.ephemeralLow(f)).isEqualTo(40000);
        Files.writeString(f, "1024 65535\n");
        assertThat(Ports.ephemeralLow(f)).isEqualTo(32768);
        Files.writeString(f, "garbage");
        assertThat(Ports.ephemeralLow(f)).isEqualTo(32768);
        assertThat(Ports.ephemeralLow(dir.resolve("absent"))).isEqualTo(32768);
    }
}
