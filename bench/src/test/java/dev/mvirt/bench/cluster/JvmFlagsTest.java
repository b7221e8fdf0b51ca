package dev.mvirt.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmFlagsTest {
    @Test
    void commentsAndBlankLinesAreSkipped(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("jvm.flags");
        Files.writeString(f, "# why\n-Xms128m\n\n  -Xmx512m   # bounded\n#-XX:+UseZGC\n");
        assertThat(JvmFlags.read(f)).containsExactly("-Xms128m", "-Xmx512m");
    }

    @Test
    void thePeersRunWithTheFlagsMvirtApiShipsWith() {
        // the bench runs from the checkout (bench/ under Maven): it finds mvirt-api/jvm.flags above it
        assertThat(JvmFlags.of("mvirt-api")).isNotEmpty().allMatch(flag -> flag.startsWith("-"));
    }
}
