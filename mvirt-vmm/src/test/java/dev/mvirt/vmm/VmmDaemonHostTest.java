package dev.mvirt.vmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mvirt.common.testing.HostAssumptions;
import dev.mvirt.proto.vmm.v1.CloudInit;
import dev.mvirt.proto.vmm.v1.CreateVmRequest;
import dev.mvirt.proto.vmm.v1.DirectBoot;
import dev.mvirt.proto.vmm.v1.StopVmRequest;
import dev.mvirt.proto.vmm.v1.Vm;
import dev.mvirt.proto.vmm.v1.VmPhase;
import dev.mvirt.proto.vmm.v1.VmRef;
import dev.mvirt.proto.vmm.v1.VmSpec;
import dev.mvirt.vmm.testing.DaemonProcess;
import dev.mvirt.vmm.testing.DemoGuest;
import dev.mvirt.vmm.testing.GrpcConsole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as its own JVM with QEMU (TCG): a VM survives kill -9 of the daemon and is re-adopted with the same
 * pid and a working console; a graceful stop ends in STOPPED; kill -9 of QEMU ends in FAILED with the reason.
 */
@Tag("host")
class VmmDaemonHostTest {
    private static final Duration BOOT = Duration.ofSeconds(150);

    @TempDir
    Path tmp;

    private Path guest;
    private DaemonProcess daemon;
    private Optional<Long> vmPid = Optional.empty();

    @BeforeEach
    void setUp() throws Exception {
        HostAssumptions.assumeRoot();
        HostAssumptions.assumeCommand("qemu-system-x86_64");
        HostAssumptions.assumeCommand("xorriso");
        guest = DemoGuest.dir();
        daemon = startDaemon();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        vmPid.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aVmSurvivesADaemonCrashAndIsReadoptedWithItsConsole() throws Exception {
        Vm vm = daemon.stub().startVm(ref(create("survivor").getId()));
        vmPid = Optional.of(vm.getPid());
        assertThat(vm.getPhase()).isEqualTo(VmPhase.VM_PHASE_RUNNING);
        try (GrpcConsole console = new GrpcConsole(daemon.async(), vm.getId())) {
            console.await(DemoGuest.MARKER, BOOT);
            console.type("echo hi-$((6*7))\n");
            console.await("hi-42", Duration.ofSeconds(30));
            // the cloud-init seed is the VM's only disk: its ISO 9660 volume id sits at byte 32808
            console.type("echo label=$(dd if=/dev/vda bs=1 skip=32808 count=6 2>/dev/null)\n");
            console.await("label=cidata", Duration.ofSeconds(30));
        }

        daemon.kill9();
        assertThat(ProcessHandle.of(vm.getPid()).map(ProcessHandle::isAlive)).contains(true);
        daemon = startDaemon();

        Vm adopted = daemon.stub().getVm(ref(vm.getId()));
        assertThat(adopted.getPhase()).isEqualTo(VmPhase.VM_PHASE_RUNNING);
        assertThat(adopted.getPid()).isEqualTo(vm.getPid());
        assertThat(adopted.getMessage()).contains("re-adopted");
        try (GrpcConsole console = new GrpcConsole(daemon.async(), vm.getId())) {
            console.await("hi-42", Duration.ofSeconds(10));
            console.type("echo again-$((5*5))\n");
            console.await("again-25", Duration.ofSeconds(30));
        }

        Vm stopped = daemon.stub()
                .stopVm(StopVmRequest.newBuilder()
                        .setId(vm.getId())
                        .setTimeoutSeconds(60)
                        .build());
        assertThat(stopped.getPhase()).isEqualTo(VmPhase.VM_PHASE_STOPPED);
        assertThat(stopped.getMessage()).contains("guest powered off");
        assertThat(ProcessHandle.of(vm.getPid()).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }

    @Test
    void killingQemuFailsTheVmWithTheReasonWithinASecond() throws Exception {
        Vm vm = daemon.stub().startVm(ref(create("victim").getId()));
        vmPid = Optional.of(vm.getPid());
        ProcessHandle.of(vm.getPid()).orElseThrow().destroyForcibly();
        long killed = System.nanoTime();
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> daemon.stub().getVm(ref(vm.getId())).getPhase() == VmPhase.VM_PHASE_FAILED);
        long ms = (System.nanoTime() - killed) / 1_000_000;
        Vm failed = daemon.stub().getVm(ref(vm.getId()));
        assertThat(failed.getMessage()).contains("killed by signal 9");
        assertThat(failed.getPid()).isZero();
        System.out.println("phase FAILED " + ms + " ms after kill -9 of qemu; message: " + failed.getMessage());
    }

    private Vm create(String name) {
        VmSpec spec = VmSpec.newBuilder()
                .setName(name)
                .setVcpus(1)
                .setMemoryMib(256)
                .setDirectBoot(DirectBoot.newBuilder()
                        .setKernel(guest.resolve("vmlinuz").toString())
                        .setInitramfs(guest.resolve("initramfs.cpio.gz").toString())
                        .setCmdline(DemoGuest.CMDLINE))
                .setCloudInit(CloudInit.newBuilder().addSshAuthorizedKeys("ssh-ed25519 AAAAC3Nza test@mvirt"))
                .build();
        return daemon.stub().createVm(CreateVmRequest.newBuilder().setSpec(spec).build());
    }

    private DaemonProcess startDaemon() throws Exception {
        return DaemonProcess.start(
                tmp.resolve("vmm.sock"),
                tmp.resolve("daemon.log"),
                List.of(
                        "--data-dir",
                        tmp.resolve("data").toString(),
                        "--hypervisor",
                        "qemu",
                        "--image-dir",
                        guest.toString()));
    }

    private static VmRef ref(String id) {
        return VmRef.newBuilder().setId(id).build();
    }
}
