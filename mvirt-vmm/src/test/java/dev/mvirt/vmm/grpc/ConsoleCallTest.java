package dev.mvirt.vmm.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.proto.vmm.v1.ConsoleInput;
import dev.mvirt.proto.vmm.v1.ConsoleOutput;
import dev.mvirt.proto.vmm.v1.CreateVmRequest;
import dev.mvirt.proto.vmm.v1.DirectBoot;
import dev.mvirt.proto.vmm.v1.VmRef;
import dev.mvirt.proto.vmm.v1.VmServiceGrpc;
import dev.mvirt.proto.vmm.v1.VmSpec;
import dev.mvirt.vmm.VmmConfig;
import dev.mvirt.vmm.VmmDaemon;
import dev.mvirt.vmm.console.WindowSize;
import dev.mvirt.vmm.hypervisor.fake.FakeHypervisor;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.service.Fixtures;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Console call's replay choice and window size, over the fake hypervisor on a real unix socket. */
class ConsoleCallTest {
    @TempDir
    Path tmp;

    private VmmDaemon daemon;
    private ManagedChannel channel;

    @BeforeEach
    void setUp() throws Exception {
        Path images = Fixtures.imageDir(tmp);
        Path socket = tmp.resolve("vmm.sock");
        VmmConfig config = new VmmConfig(
                new Endpoint.Unix(socket),
                tmp.resolve("data"),
                "fake",
                Fixtures.limits(images),
                "qemu-system-x86_64",
                "cloud-hypervisor",
                tmp.resolve("fw"),
                65536,
                Optional.empty());
        daemon = VmmDaemon.start(config, new FakeHypervisor());
        channel = GrpcChannels.open(new Endpoint.Unix(socket));
        var stub = VmServiceGrpc.newBlockingStub(channel);
        stub.createVm(CreateVmRequest.newBuilder()
                .setId("vm-1")
                .setSpec(VmSpec.newBuilder()
                        .setName("web")
                        .setVcpus(1)
                        .setMemoryMib(64)
                        .setDirectBoot(DirectBoot.newBuilder()
                                .setKernel(images.resolve("vmlinuz").toString())))
                .build());
        stub.startVm(VmRef.newBuilder().setId("vm-1").build());
    }

    @AfterEach
    void tearDown() {
        daemon.service().kill(new VmId("vm-1"));
        channel.shutdownNow();
        daemon.close();
    }

    @Test
    void skipReplayShowsOnlyNewOutputAndTheWindowSizeReachesTheSession() {
        StringBuffer first = new StringBuffer();
        StreamObserver<ConsoleInput> a = attach(first, ConsoleInput.newBuilder().setVmId("vm-1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> first.toString().contains("MVIRT-GUEST-READY"));

        StringBuffer second = new StringBuffer();
        StreamObserver<ConsoleInput> b = attach(
                second,
                ConsoleInput.newBuilder()
                        .setVmId("vm-1")
                        .setSkipReplay(true)
                        .setCols(132)
                        .setRows(43));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> daemon.service().console(new VmId("vm-1")).size().isPresent());
        assertThat(daemon.service().console(new VmId("vm-1")).size()).contains(new WindowSize(132, 43));

        b.onNext(ConsoleInput.newBuilder().setCols(80).setRows(24).build());
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        daemon.service().console(new VmId("vm-1")).size().equals(Optional.of(new WindowSize(80, 24))));
        b.onNext(ConsoleInput.newBuilder()
                .setData(ByteString.copyFromUtf8("echo s$((6*7))\n"))
                .build());
        await().atMost(Duration.ofSeconds(5)).until(() -> second.toString().contains("s42\r\n"));
        assertThat(second.toString()).doesNotContain("MVIRT-GUEST-READY");
        assertThat(first.toString()).contains("s42\r\n");
        a.onCompleted();
        b.onCompleted();
    }

    @Test
    void replayIsTheDefault() {
        StringBuffer first = new StringBuffer();
        attach(first, ConsoleInput.newBuilder().setVmId("vm-1")).onCompleted();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> daemon.service().console(new VmId("vm-1")).connected());
        await().atMost(Duration.ofSeconds(5)).until(() -> replayed().contains("MVIRT-GUEST-READY"));
    }

    private String replayed() {
        StringBuffer out = new StringBuffer();
        StreamObserver<ConsoleInput> in = attach(out, ConsoleInput.newBuilder().setVmId("vm-1"));
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.onCompleted();
        return out.toString();
    }

    private StreamObserver<ConsoleInput> attach(StringBuffer out, ConsoleInput.Builder first) {
        StreamObserver<ConsoleInput> in = VmServiceGrpc.newStub(channel).console(new StreamObserver<>() {
            @Override
            public void onNext(ConsoleOutput o) {
                out.append(o.getData().toString(StandardCharsets.UTF_8));
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
        });
        in.onNext(first.build());
        return in;
    }
}
