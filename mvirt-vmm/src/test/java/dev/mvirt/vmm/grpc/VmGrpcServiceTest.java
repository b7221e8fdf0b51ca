package dev.mvirt.vmm.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.proto.vmm.v1.ConsoleInput;
import dev.mvirt.proto.vmm.v1.ConsoleOutput;
import dev.mvirt.proto.vmm.v1.CreateVmRequest;
import dev.mvirt.proto.vmm.v1.DirectBoot;
import dev.mvirt.proto.vmm.v1.StopVmRequest;
import dev.mvirt.proto.vmm.v1.SystemInfoRequest;
import dev.mvirt.proto.vmm.v1.Vm;
import dev.mvirt.proto.vmm.v1.VmEvent;
import dev.mvirt.proto.vmm.v1.VmPhase;
import dev.mvirt.proto.vmm.v1.VmRef;
import dev.mvirt.proto.vmm.v1.VmServiceGrpc;
import dev.mvirt.proto.vmm.v1.VmSpec;
import dev.mvirt.proto.vmm.v1.WatchVmsRequest;
import dev.mvirt.vmm.VmmConfig;
import dev.mvirt.vmm.VmmDaemon;
import dev.mvirt.vmm.hypervisor.fake.FakeHypervisor;
import dev.mvirt.vmm.service.Fixtures;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's gRPC edge on a real unix socket, over the fake hypervisor. */
class VmGrpcServiceTest {
    @TempDir
    Path tmp;

    private VmmDaemon daemon;
    private ManagedChannel channel;
    private VmServiceGrpc.VmServiceBlockingStub stub;
    private Path images;

    @BeforeEach
    void setUp() throws Exception {
        images = Fixtures.imageDir(tmp);
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
        stub = VmServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void tearDown() {
        daemon.service().list().stream()
                .filter(v -> v.phase().hasProcess())
                .forEach(v -> daemon.service().kill(v.id()));
        channel.shutdownNow();
        daemon.close();
    }

    @Test
    void theSocketIsGroupReadableOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("vmm.sock"))))
                .isEqualTo("rw-rw----");
    }

    @Test
    void lifecycleWatchAndConsoleOverGrpc() throws Exception {
        List<VmEvent> events = new CopyOnWriteArrayList<>();
        VmServiceGrpc.newStub(channel).watchVms(WatchVmsRequest.getDefaultInstance(), collect(events));
        Vm vm = stub.createVm(
                CreateVmRequest.newBuilder().setId("vm-1").setSpec(spec("web")).build());
        assertThat(vm.getPhase()).isEqualTo(VmPhase.VM_PHASE_STOPPED);
        assertThat(stub.startVm(ref("vm-1")).getPhase()).isEqualTo(VmPhase.VM_PHASE_RUNNING);

        StringBuffer out = new StringBuffer();
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
        in.onNext(ConsoleInput.newBuilder().setVmId("vm-1").build());
        await().atMost(Duration.ofSeconds(5)).until(() -> out.toString().contains("MVIRT-GUEST-READY"));
        in.onNext(ConsoleInput.newBuilder()
                .setData(ByteString.copyFromUtf8("echo g$((3*5))\n"))
                .build());
        await().atMost(Duration.ofSeconds(5)).until(() -> out.toString().contains("g15\r\n"));
        in.onCompleted();

        Vm stopped = stub.stopVm(
                StopVmRequest.newBuilder().setId("vm-1").setTimeoutSeconds(5).build());
        assertThat(stopped.getPhase()).isEqualTo(VmPhase.VM_PHASE_STOPPED);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> events.stream()
                        .map(e -> e.getVm().getPhase())
                        .toList()
                        .containsAll(List.of(
                                VmPhase.VM_PHASE_STARTING, VmPhase.VM_PHASE_RUNNING, VmPhase.VM_PHASE_STOPPING)));
        assertThat(events.getLast().getVm().getPhase()).isEqualTo(VmPhase.VM_PHASE_STOPPED);
    }

    @Test
    void errorsNameTheProblem() {
        assertThatThrownBy(() -> stub.getVm(ref("nope")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        VmSpec traversal = spec("evil").toBuilder()
                .setDirectBoot(DirectBoot.newBuilder().setKernel(images + "/../../etc/passwd"))
                .build();
        assertThatThrownBy(() -> stub.createVm(
                        CreateVmRequest.newBuilder().setSpec(traversal).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).startsWith("directBoot.kernel:");
                });
        stub.createVm(CreateVmRequest.newBuilder().setSpec(spec("twice")).build());
        assertThatThrownBy(() -> stub.createVm(
                        CreateVmRequest.newBuilder().setSpec(spec("twice")).build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
    }

    @Test
    void systemInfoDescribesTheHost() {
        var info = stub.systemInfo(SystemInfoRequest.getDefaultInstance());
        assertThat(info.getCpus()).isPositive();
        assertThat(info.getMemoryTotalBytes()).isPositive();
        assertThat(info.getHypervisor()).isEqualTo("fake");
        assertThat(info.getHardwareAcceleration()).isFalse();
        assertThat(info.getAccelerationDetail()).isNotEmpty();
    }

    private VmSpec spec(String name) {
        return VmSpec.newBuilder()
                .setName(name)
                .setVcpus(1)
                .setMemoryMib(64)
                .setDirectBoot(DirectBoot.newBuilder()
                        .setKernel(images.resolve("vmlinuz").toString()))
                .build();
    }

    private static VmRef ref(String id) {
        return VmRef.newBuilder().setId(id).build();
    }

    private static StreamObserver<VmEvent> collect(List<VmEvent> into) {
        return new StreamObserver<>() {
            @Override
            public void onNext(VmEvent e) {
                into.add(e);
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
        };
    }
}
