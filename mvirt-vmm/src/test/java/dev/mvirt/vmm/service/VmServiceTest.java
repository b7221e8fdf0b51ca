package dev.mvirt.vmm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mvirt.vmm.console.ConsoleListener;
import dev.mvirt.vmm.console.Consoles;
import dev.mvirt.vmm.hypervisor.fake.FakeHypervisor;
import dev.mvirt.vmm.model.AlreadyExistsException;
import dev.mvirt.vmm.model.ConflictException;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.NotFoundException;
import dev.mvirt.vmm.model.Phase;
import dev.mvirt.vmm.model.Vm;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.model.VmSpec;
import dev.mvirt.vmm.store.VmStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VM lifecycle over the fake hypervisor: phases observed, exits classified, restarts re-adopt. */
class VmServiceTest {
    @TempDir
    Path tmp;

    private final FakeHypervisor fake = new FakeHypervisor();
    private Path images;
    private VmStore store;
    private VmService service;

    @BeforeEach
    void setUp() throws Exception {
        images = Fixtures.imageDir(tmp);
        store = new VmStore(tmp.resolve("vmm.db"));
        service = newService(fake);
    }

    @AfterEach
    void tearDown() {
        service.list().stream().filter(v -> v.phase().hasProcess()).forEach(v -> service.kill(v.id()));
        service.close();
        store.close();
    }

    @Test
    void startConsoleAndGracefulStop() throws Exception {
        Vm vm = service.create(Optional.empty(), Fixtures.spec(images, "web"));
        assertThat(vm.phase()).isEqualTo(Phase.STOPPED);
        Vm running = service.start(vm.id());
        assertThat(running.phase()).isEqualTo(Phase.RUNNING);
        assertThat(running.pid()).isPositive();

        Collector out = new Collector();
        service.console(vm.id()).attach(out, 65536);
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("MVIRT-GUEST-READY"));
        service.console(vm.id()).input("echo x$((2*21))\n".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("x42"));

        Vm stopped = service.stop(vm.id(), Duration.ofSeconds(5));
        assertThat(stopped.phase()).isEqualTo(Phase.STOPPED);
        assertThat(stopped.message()).contains("stopped on request").contains("guest powered off");
        assertThat(stopped.pid()).isZero();
        assertThat(out.ended).isTrue();
    }

    @Test
    void aGuestPowerOffIsStoppedAndACrashIsFailedWithinASecond() throws Exception {
        Vm a = service.start(
                service.create(Optional.empty(), Fixtures.spec(images, "a")).id());
        Vm b = service.start(
                service.create(Optional.empty(), Fixtures.spec(images, "b")).id());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.console(a.id()).connected());
        service.console(a.id()).input("poweroff\n".getBytes(StandardCharsets.UTF_8));
        fake.crash(b.pid());
        await().atMost(Duration.ofSeconds(1)).until(() -> service.get(a.id()).phase() == Phase.STOPPED);
        await().atMost(Duration.ofSeconds(1)).until(() -> service.get(b.id()).phase() == Phase.FAILED);
        assertThat(service.get(a.id()).message()).isEqualTo("guest powered off");
        assertThat(service.get(b.id()).message()).contains("killed by signal 9").contains("fake: terminated");
    }

    @Test
    void aRestartedDaemonReadoptsRunningVmsAndReportsDeadOnes() throws Exception {
        Vm vm = service.start(
                service.create(Optional.empty(), Fixtures.spec(images, "keep")).id());
        service.close();
        service = newService(fake);
        service.recover();
        Vm again = service.get(vm.id());
        assertThat(again.phase()).isEqualTo(Phase.RUNNING);
        assertThat(again.pid()).isEqualTo(vm.pid());
        assertThat(again.message()).contains("re-adopted");
        Collector out = new Collector();
        service.console(vm.id()).attach(out, 65536);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.console(vm.id()).connected());
        service.console(vm.id()).input("echo back\n".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("back\r\n"));

        service.close();
        service = newService(new FakeHypervisor());
        service.recover();
        assertThat(service.get(vm.id()).phase()).isEqualTo(Phase.FAILED);
        assertThat(service.get(vm.id()).message()).contains("ended while the daemon was down");
        fake.crash(vm.pid());
    }

    @Test
    void aVmThatCannotStartSaysWhy() throws Exception {
        Path bad = Files.writeString(images.resolve("bad-kernel"), "nope");
        VmSpec spec = new VmSpec(
                "bad",
                1,
                64,
                Optional.of(new DirectBoot(bad, Optional.empty(), "")),
                List.of(),
                List.of(),
                Optional.empty());
        Vm vm = service.create(Optional.of(new VmId("bad-1")), spec);
        assertThatThrownBy(() -> service.start(vm.id()))
                .isInstanceOf(HypervisorException.class)
                .hasMessageContaining("not a bootable kernel");
        assertThat(service.get(vm.id()).phase()).isEqualTo(Phase.FAILED);
        assertThat(service.get(vm.id()).message()).startsWith("cannot start: ");
    }

    @Test
    void namesAreUniqueAndRunningVmsNeedForceToDelete() {
        Vm vm = service.create(Optional.empty(), Fixtures.spec(images, "dup"));
        assertThatThrownBy(() -> service.create(Optional.empty(), Fixtures.spec(images, "dup")))
                .isInstanceOf(AlreadyExistsException.class);
        service.start(vm.id());
        assertThatThrownBy(() -> service.delete(vm.id(), false)).isInstanceOf(ConflictException.class);
        service.delete(vm.id(), true);
        assertThatThrownBy(() -> service.get(vm.id())).isInstanceOf(NotFoundException.class);
        assertThat(fake.runningCount()).isZero();
        assertThat(tmp.resolve("vms").resolve(vm.id().value())).doesNotExist();
    }

    @Test
    void watchersSeeEveryPhaseAndTheKeptConsoleReplaysAfterStop() {
        List<String> phases = new CopyOnWriteArrayList<>();
        service.events()
                .add((vm, deleted) ->
                        phases.add(deleted ? "DELETED" : vm.phase().name()));
        Vm vm = service.create(Optional.empty(), Fixtures.spec(images, "w"));
        service.start(vm.id());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.console(vm.id()).connected());
        service.kill(vm.id());
        service.delete(vm.id(), false);
        assertThat(phases).containsExactly("STOPPED", "STARTING", "RUNNING", "STOPPING", "STOPPED", "DELETED");
    }

    @Test
    void rebootResetsARunningGuestAndIsRefusedForAStoppedOne() {
        Vm vm = service.create(Optional.empty(), Fixtures.spec(images, "rb"));
        assertThatThrownBy(() -> service.reboot(vm.id())).isInstanceOf(ConflictException.class);
        Vm running = service.start(vm.id());
        assertThat(service.reboot(vm.id()).phase()).isEqualTo(Phase.RUNNING);
        assertThat(service.get(vm.id()).pid()).isEqualTo(running.pid());
    }

    @Test
    void consoleOutputIsKeptAfterTheVmStops() {
        Vm vm = service.start(
                service.create(Optional.empty(), Fixtures.spec(images, "log")).id());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> service.console(vm.id()).connected());
        service.stop(vm.id(), Duration.ofSeconds(5));
        Collector out = new Collector();
        service.console(vm.id()).attach(out, 65536);
        assertThat(out.text()).contains("MVIRT-GUEST-READY");
        assertThat(out.ended).isTrue();
    }

    private VmService newService(FakeHypervisor h) {
        return new VmService(
                store,
                h,
                Fixtures.limits(images),
                (id, ci, dir) -> dir.resolve("seed.iso"),
                new Consoles(64 * 1024),
                tmp,
                Clock.systemUTC());
    }

    /** Collects console output. */
    static final class Collector implements ConsoleListener {
        private final StringBuffer text = new StringBuffer();
        volatile boolean ended;

        @Override
        public void output(byte[] data) {
            text.append(new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void ended() {
            ended = true;
        }

        String text() {
            return text.toString();
        }
    }
}
