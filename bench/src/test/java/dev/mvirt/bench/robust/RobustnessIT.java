package dev.mvirt.bench.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.bench.cluster.Fault;
import dev.mvirt.bench.cluster.MvirtCluster;
import dev.mvirt.bench.cluster.Partitions;
import dev.mvirt.bench.history.OpKind;
import dev.mvirt.common.testing.HostAssumptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CI-sized robustness run: three mvirt-api processes, six register clients and three watchers over HTTP for
 * {@code bench.robust.seconds} (default 40) while peers are killed and restarted, paused and (as root with nft)
 * partitioned; then every check of the history must pass. {@code -Dbench.robust.seconds=600} is the long form.
 */
class RobustnessIT {
    @Test
    @Timeout(value = 900)
    void historyUnderFaultsPassesEveryCheck() throws IOException {
        int seconds = Integer.getInteger("bench.robust.seconds", 40);
        // under target/, kept for inspection (peer logs, report.txt); mvn clean removes it
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.classes.dir"))
                .resolveSibling("robust-" + System.currentTimeMillis()));
        boolean partitions = Partitions.available();
        HostAssumptions.assumeHost(partitions || !HostAssumptions.required(), "root with nft and setpriv (partitions)");
        List<Fault> faults = new ArrayList<>(List.of(Fault.KILL, Fault.PAUSE));
        if (partitions) {
            faults.add(Fault.PARTITION);
        } else {
            System.err.println("RobustnessIT: no partitions here (needs root, nft, setpriv); kill and pause only");
        }
        String classpath = Files.readString(Path.of(System.getProperty("bench.classpath.file")))
                .strip();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (MvirtCluster cluster = new MvirtCluster(dir, java, classpath, 3, partitions)) {
            cluster.start(Duration.ofSeconds(120));
            String token = cluster.adminToken(Duration.ofSeconds(30));
            RobustOptions options = RobustOptions.ci(seconds, faults, System.currentTimeMillis() % 100_000);
            RobustReport report = new RobustnessRun(cluster, token, options).run();
            System.out.println(report.summary());
            Files.writeString(dir.resolve("report.txt"), report.summary());
            assertThat(report.findings()).as(report.summary()).isEmpty();
            assertThat(report.faults()).as("faults injected").isNotEmpty();
            assertThat(report.ok(OpKind.WRITE)).as("successful writes").isGreaterThan(10);
            assertThat(report.ok(OpKind.READ))
                    .as("successful linearizable reads")
                    .isGreaterThan(10);
        }
    }
}
