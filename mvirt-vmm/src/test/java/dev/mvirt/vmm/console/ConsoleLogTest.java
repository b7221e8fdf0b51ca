package dev.mvirt.vmm.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleLogTest {
    @TempDir
    Path tmp;

    @Test
    void keepsAtMostTheLimitAndTheNewestBytes() throws Exception {
        ConsoleLog log = new ConsoleLog(tmp, 1000);
        for (int i = 0; i < 200; i++) {
            log.append(String.format("line %03d\n", i).getBytes(StandardCharsets.UTF_8));
        }
        long kept = Files.size(tmp.resolve("console.log")) + Files.size(tmp.resolve("console.log.1"));
        assertThat(kept).isLessThanOrEqualTo(1000);
        String tail = new String(log.tail(1000), StandardCharsets.UTF_8);
        assertThat(tail).endsWith("line 199\n").contains("line 160\n").doesNotContain("line 010\n");
        assertThat(new String(log.tail(9), StandardCharsets.UTF_8)).isEqualTo("line 199\n");
    }

    @Test
    void anEmptyLogHasAnEmptyTail() {
        assertThat(new ConsoleLog(tmp, 1000).tail(100)).isEmpty();
    }
}
