package dev.mvirt.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rough figures for the write path (encode on propose, decode on apply) and for snapshots; the bounds are far
 * below what the codec does so a busy machine does not make them flaky. Figures go to the test output.
 */
class CodecThroughputTest {

    @Test
    void encodesAndDecodesFarMoreThanAThousandEntriesPerSecond() {
        Envelope env = CodecFixtures.envelope(CodecFixtures.commands().get(Command.Create.class));
        int bytes = roundTrip(env);
        double best = 0;
        // best of several rounds: the first ones warm the JIT, and other processes share the cores
        for (int round = 0; round < 8; round++) {
            int n = 20_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                roundTrip(env);
            }
            best = Math.max(best, n / ((System.nanoTime() - start) / 1e9));
        }
        System.out.printf(
                "codec: %.0f Create(VM) entries/s encoded+decoded (best round), %d bytes each%n", best, bytes);

        // the target is 1,000 writes/s; steady state is a few 100,000/s, so only a pathological regression fails
        assertThat(best).isGreaterThan(5_000);
    }

    @Test
    void writesAndReadsASnapshotOfTwentyThousandVms() {
        List<Resource<?, ?>> resources = new ArrayList<>();
        VmStatus status = (VmStatus) CodecFixtures.statuses().get(VmStatus.class);
        for (int i = 0; i < 20_000; i++) {
            Meta meta = new Meta(new UUID(1, i).toString(), "default", "vm-" + i, new TreeMap<>(), 1, i + 1);
            resources.add(new Resource<>(meta, CodecFixtures.vmSpec(), status));
        }
        ClusterState state =
                ClusterState.restore(20_000, resources, ClusterState.empty().settings(), List.of());

        long start = System.nanoTime();
        byte[] bytes = SnapshotCodecTest.bytes(state);
        ClusterState restored = SnapshotCodec.read(new ByteArrayInputStream(bytes));
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf("snapshot: 20000 VMs, %d bytes, written and read in %.0f ms%n", bytes.length, millis);

        assertThat(restored.vms().all()).hasSize(20_000);
        assertThat(millis).isLessThan(20_000);
    }

    private static int roundTrip(Envelope env) {
        byte[] b = CommandCodec.encode(env);
        if (!(CommandCodec.decode(b) instanceof Decoded.Ok)) {
            throw new AssertionError("rejected");
        }
        return b.length;
    }
}
