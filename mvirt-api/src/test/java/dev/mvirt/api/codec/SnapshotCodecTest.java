package dev.mvirt.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.api.model.Boot;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.scheduler.Scheduler;
import dev.mvirt.api.state.Applied;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.proto.api.v1.SnapshotHeaderProto;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {
    static final String NODE = "10000000-0000-4000-8000-000000000001";
    static final String PROJECT = "10000000-0000-4000-8000-000000000002";
    static final String NET = "10000000-0000-4000-8000-000000000003";
    static final String SG = "10000000-0000-4000-8000-000000000004";
    static final String NIC = "10000000-0000-4000-8000-000000000005";
    static final String TPL = "10000000-0000-4000-8000-000000000006";
    static final String VOL = "10000000-0000-4000-8000-000000000007";
    static final String VM = "10000000-0000-4000-8000-000000000008";
    static final String LOCK = "10000000-0000-4000-8000-000000000009";

    /** A state with one resource of every kind, statuses, settings and idempotency records, built by apply. */
    static ClusterState populated() {
        List<Envelope> log = List.of(
                env(new Command.RegisterNode(NODE, "host-1", Map.of("rack", "r1"), facts())),
                env(create(PROJECT, "", "team-a", new ProjectSpec("team a"))),
                env(create(
                        NET,
                        "default",
                        "lan",
                        new NetworkSpec("10.1.0.0/24", "", List.of("10.1.0.2"), List.of(), true))),
                env(create(SG, "default", "ssh", new SecurityGroupSpec("ssh in", List.of(sshRule())))),
                env(create(NIC, "default", "nic-1", new NicSpec(NET, "", "", "", List.of(), List.of(SG), ""))),
                env(create(TPL, "default", "debian", new TemplateSpec(NODE, "/var/lib/images/debian.raw", "raw"))),
                env(create(VOL, "default", "disk-1", new VolumeSpec("", 1L << 30, TPL, "", List.of(), "", 0))),
                new Envelope(create(VM, "default", "web-1", vmSpec()), "alice", 1000, "key-1", "hash-1"),
                env(new Command.ReportStatus(
                        dev.mvirt.api.model.Kind.VM, VM, NODE, new VmStatus(VmPhase.RUNNING, NODE, "", 0, 4242))),
                env(new Command.AcquireLock(LOCK, "reconcile", "ctl-1", 10_000)),
                new Envelope(new Command.SetSettings(Map.of("feature.snapshots", "true")), "bob", 2000, "key-2", "h2"),
                env(new Command.CreateSnapshot(VOL, "s1")));
        ClusterState state = ClusterState.empty();
        Scheduler placer = new Scheduler();
        long index = 0;
        for (Envelope e : log) {
            Applied a = state.apply(++index, e, placer);
            assertThat(a.result().ok()).as("%s -> %s", e.command(), a.result()).isTrue();
            state = a.state();
        }
        return state;
    }

    @Test
    void roundTripsAPopulatedState() {
        ClusterState state = populated();

        ClusterState restored = SnapshotCodec.read(new ByteArrayInputStream(bytes(state)));

        assertThat(restored.revision()).isEqualTo(state.revision());
        assertThat(restored.allResources()).hasSize(10).isEqualTo(state.allResources());
        assertThat(restored.settings()).isEqualTo(state.settings());
        assertThat(restored.idempotencyRecords())
                .hasSize(2)
                .containsExactlyInAnyOrderElementsOf(state.idempotencyRecords());
        assertThat(restored.allocatedAddresses(NET))
                .isEqualTo(state.allocatedAddresses(NET))
                .isPositive();
        assertThat(restored.usage(NODE)).isEqualTo(state.usage(NODE));
    }

    @Test
    void writesTheSameBytesForTheRestoredState() {
        byte[] once = bytes(populated());

        assertThat(bytes(SnapshotCodec.read(new ByteArrayInputStream(once)))).isEqualTo(once);
    }

    @Test
    void roundTripsTheEmptyState() {
        ClusterState restored = SnapshotCodec.read(new ByteArrayInputStream(bytes(ClusterState.empty())));

        assertThat(restored.allResources()).isEqualTo(ClusterState.empty().allResources());
        assertThat(restored.settings()).isEqualTo(ClusterState.empty().settings());
    }

    @Test
    void refusesATruncatedSnapshot() {
        byte[] full = bytes(populated());
        for (int len : new int[] {0, 1, full.length / 2, full.length - 1}) {
            assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(Arrays.copyOf(full, len))))
                    .as("%d of %d bytes", len, full.length)
                    .isInstanceOfAny(UncheckedIOException.class, CodecException.class)
                    .hasMessageContaining("snapshot");
        }
    }

    @Test
    void refusesDataAfterTheLastRecord() {
        byte[] full = bytes(populated());
        byte[] longer = Arrays.copyOf(full, full.length + 2);
        longer[full.length] = 1;

        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(longer)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("data after the last record");
    }

    @Test
    void refusesAFutureFormatVersion() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotHeaderProto.newBuilder().setVersion(2).build().writeDelimitedTo(out);

        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("format version 2");
    }

    @Test
    void refusesCountsOutOfRange() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotHeaderProto.newBuilder()
                .setVersion(1)
                .setResourceCount(-1)
                .build()
                .writeDelimitedTo(out);

        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("counts out of range (18446744073709551615 resources");
    }

    @Test
    void wrapsIoFailuresNamingWhatFailed() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("read error");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("read error");
            }
        };

        assertThatThrownBy(() -> SnapshotCodec.write(populated(), broken))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("writing snapshot at revision 12")
                .hasRootCauseMessage("disk full");
        assertThatThrownBy(() -> SnapshotCodec.read(failing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("reading snapshot header")
                .hasRootCauseMessage("read error");
    }

    static byte[] bytes(ClusterState state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.write(state, out);
        return out.toByteArray();
    }

    private static Envelope env(Command c) {
        return Envelope.of(c, "system", 500);
    }

    private static Command.Create create(String id, String project, String name, dev.mvirt.api.model.Spec spec) {
        return new Command.Create(id, project, name, Map.of("env", "test"), spec);
    }

    private static NodeStatus facts() {
        return new NodeStatus(
                NodePhase.READY,
                "host-1.example",
                "192.0.2.10",
                16,
                65536,
                List.of(new StoragePool("fast", 1L << 40, 1L << 39)),
                List.of("qemu"),
                "0.1.0");
    }

    private static Rule sshRule() {
        return new Rule(Rule.Direction.INGRESS, Rule.Protocol.TCP, 22, 22, "0.0.0.0/0", "");
    }

    private static VmSpec vmSpec() {
        return new VmSpec(
                2,
                1024,
                new Boot("/boot/vmlinuz", "", "console=ttyS0", ""),
                List.of(VOL),
                List.of(NIC),
                "",
                List.of(),
                Map.of(),
                "",
                "qemu",
                VmSpec.DesiredState.RUNNING,
                VmSpec.StopMode.GRACEFUL,
                0);
    }
}
