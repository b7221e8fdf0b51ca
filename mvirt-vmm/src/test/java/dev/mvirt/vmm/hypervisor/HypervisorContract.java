package dev.mvirt.vmm.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.model.VmSpec;
import dev.mvirt.vmm.testing.SocketConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Hypervisor} driver must do, run against the fake (unit) and QEMU (host test): boot to the
 * guest's marker, carry console input and output, power off cleanly on the power button, report a kill with
 * its signal, be adopted by a restarted driver with the same pid and a working console, and fail to start a
 * bad kernel with a reason.
 */
public abstract class HypervisorContract {
    protected static final String MARKER = "MVIRT-GUEST-READY";

    @TempDir
    protected Path tmp;

    private final List<VmProcess> started = new ArrayList<>();
    private int runs;

    /** The driver under test. */
    protected abstract Hypervisor hypervisor();

    /** The driver as a restarted daemon would create it. */
    protected abstract Hypervisor restarted();

    /** A spec of a guest that prints {@value #MARKER} on its console and runs a shell. */
    protected abstract VmSpec bootableSpec() throws Exception;

    protected abstract Duration bootTimeout();

    /** Extra checks on a booted guest's console (devices a real guest sees). */
    protected void checkBootedGuest(SocketConsole console) throws Exception {}

    @AfterEach
    void stopLeftovers() throws Exception {
        for (VmProcess p : started) {
            if (!p.exit().isDone()) {
                p.kill();
                p.exit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void bootsToMarkerAndEchoesConsoleInput() throws Exception {
        VmProcess p = start(bootableSpec());
        assertThat(p.ref().pid()).isPositive();
        try (SocketConsole c = SocketConsole.connect(p.consoleSocket())) {
            c.await(MARKER, bootTimeout());
            c.type("echo contract-$((6*7))\n");
            c.await("contract-42", Duration.ofSeconds(30));
            checkBootedGuest(c);
        }
        assertThat(p.exit()).isNotDone();
    }

    @Test
    void powerButtonPowersTheGuestOffCleanly() throws Exception {
        VmProcess p = start(bootableSpec());
        try (SocketConsole c = SocketConsole.connect(p.consoleSocket())) {
            c.await(MARKER, bootTimeout());
        }
        p.powerButton();
        ProcessExit exit = p.exit().get(60, TimeUnit.SECONDS);
        assertThat(exit.clean()).as(exit.describe()).isTrue();
        assertThat(exit.guestPowerOff()).as(exit.describe()).isTrue();
    }

    @Test
    void killEndsTheProcessWithSignalStatus() throws Exception {
        VmProcess p = start(bootableSpec());
        p.kill();
        ProcessExit exit = p.exit().get(30, TimeUnit.SECONDS);
        assertThat(exit.status()).isEqualTo(128 + 9);
        assertThat(exit.clean()).isFalse();
        assertThat(exit.describe()).contains("killed by signal 9");
    }

    @Test
    void restartedDriverAdoptsTheRunningVmWithSamePidAndConsole() throws Exception {
        VmProcess p = start(bootableSpec());
        try (SocketConsole c = SocketConsole.connect(p.consoleSocket())) {
            c.await(MARKER, bootTimeout());
        }
        p.detach();
        Optional<VmProcess> adopted = restarted().adopt(new VmId("contract"), p.ref());
        assertThat(adopted).isPresent();
        started.add(adopted.get());
        assertThat(adopted.get().ref().pid()).isEqualTo(p.ref().pid());
        try (SocketConsole c = SocketConsole.connect(adopted.get().consoleSocket())) {
            c.type("echo adopted-$((7*6))\n");
            c.await("adopted-42", Duration.ofSeconds(30));
        }
        adopted.get().powerButton();
        assertThat(adopted.get().exit().get(60, TimeUnit.SECONDS).clean()).isTrue();
    }

    @Test
    void adoptingAnEndedProcessFindsNothing() throws Exception {
        VmProcess p = start(bootableSpec());
        p.kill();
        p.exit().get(30, TimeUnit.SECONDS);
        assertThat(restarted().adopt(new VmId("contract"), p.ref())).isEmpty();
    }

    @Test
    void aBadKernelFailsToStartWithAReason() throws Exception {
        Path bad = Files.writeString(tmp.resolve("not-a-kernel"), "this is not a kernel image\n");
        VmSpec good = bootableSpec();
        VmSpec spec = new VmSpec(
                "bad",
                1,
                good.memoryMib(),
                Optional.of(new DirectBoot(bad, Optional.empty(), "console=ttyS0")),
                List.of(),
                List.of(),
                Optional.empty());
        assertThatThrownBy(() -> start(spec))
                .isInstanceOf(HypervisorException.class)
                .hasMessageContaining("kernel");
    }

    protected VmProcess start(VmSpec spec) throws Exception {
        Path runDir = Files.createDirectories(tmp.resolve("run" + runs++));
        VmProcess p = hypervisor().start(new LaunchRequest(new VmId("contract"), spec, runDir, Optional.empty()));
        started.add(p);
        return p;
    }
}
