package dev.mvirt.vmm.hypervisor.fake;

import dev.mvirt.vmm.hypervisor.Acceleration;
import dev.mvirt.vmm.hypervisor.Hypervisor;
import dev.mvirt.vmm.hypervisor.LaunchRequest;
import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.ProcessRef;
import dev.mvirt.vmm.model.VmId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hypervisor without processes: each VM is a {@link FakeGuest} inside this JVM that serves a serial console
 * on a unix socket (prints {@value FakeGuest#MARKER}, echoes input, evaluates {@code echo}), powers off on the
 * power button, and can be adopted again by the same driver instance (a daemon restart in tests). A kernel must
 * start with the bytes "MZ" (as a bzImage does), so a bad image fails to start as with a real hypervisor.
 */
public final class FakeHypervisor implements Hypervisor {
    private static final AtomicLong NEXT_PID = new AtomicLong(1_000_000_000L);
    private final Map<Long, FakeGuest> running = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String version() {
        return "fake 1";
    }

    @Override
    public Acceleration acceleration() {
        return new Acceleration(false, "fake hypervisor: no acceleration");
    }

    @Override
    public VmProcess start(LaunchRequest req) {
        req.spec().directBoot().ifPresent(FakeHypervisor::checkKernel);
        long pid = NEXT_PID.getAndIncrement();
        FakeGuest guest = FakeGuest.boot(new ProcessRef(pid, System.currentTimeMillis(), req.runDir()));
        running.put(pid, guest);
        guest.exit().whenComplete((e, t) -> running.remove(pid));
        return guest;
    }

    @Override
    public Optional<VmProcess> adopt(VmId id, ProcessRef ref) {
        FakeGuest g = running.get(ref.pid());
        return g != null && g.ref().equals(ref) ? Optional.of(g) : Optional.empty();
    }

    /** Simulates the hypervisor process dying (as under kill -9 from outside); false when no such process. */
    public boolean crash(long pid) {
        FakeGuest g = running.get(pid);
        if (g == null) {
            return false;
        }
        g.kill();
        return true;
    }

    /** Number of fake guests still running (tests check that nothing is left). */
    public int runningCount() {
        return running.size();
    }

    private static void checkKernel(DirectBoot boot) {
        try (InputStream in = Files.newInputStream(boot.kernel())) {
            byte[] magic = in.readNBytes(2);
            if (magic.length < 2 || magic[0] != 'M' || magic[1] != 'Z') {
                throw new HypervisorException("fake: " + boot.kernel() + " is not a bootable kernel image");
            }
        } catch (IOException e) {
            throw new HypervisorException("fake: cannot read kernel " + boot.kernel() + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file that passes the fake's kernel check (tests and demos). */
    public static void writeFakeKernel(Path file) throws IOException {
        Files.write(file, new byte[] {'M', 'Z', 0, 0});
    }
}
