package dev.mvirt.vmm;

import dev.mvirt.common.grpc.GrpcServers;
import dev.mvirt.vmm.console.Consoles;
import dev.mvirt.vmm.grpc.VmGrpcService;
import dev.mvirt.vmm.hypervisor.Acceleration;
import dev.mvirt.vmm.hypervisor.HostProbe;
import dev.mvirt.vmm.hypervisor.Hypervisor;
import dev.mvirt.vmm.hypervisor.cloudhv.CloudHypervisorDriver;
import dev.mvirt.vmm.hypervisor.fake.FakeHypervisor;
import dev.mvirt.vmm.hypervisor.qemu.QemuDriver;
import dev.mvirt.vmm.seed.XorrisoSeedWriter;
import dev.mvirt.vmm.service.VmService;
import dev.mvirt.vmm.store.VmStore;
import io.grpc.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running mvirt-vmm: store, hypervisor driver, service (VMs re-adopted), gRPC server(s). Close to stop. */
public final class VmmDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VmmDaemon.class);
    private final VmStore store;
    private final VmService service;
    private final List<Server> servers = new ArrayList<>();

    private VmmDaemon(VmStore store, VmService service) {
        this.store = store;
        this.service = service;
    }

    /** Starts the daemon with the driver {@code config.hypervisor()} selects. */
    public static VmmDaemon start(VmmConfig config) {
        return start(config, chooseHypervisor(config));
    }

    /** Starts the daemon with a given driver (tests pass a shared FakeHypervisor). */
    public static VmmDaemon start(VmmConfig config, Hypervisor hypervisor) {
        VmStore store = new VmStore(config.dataDir().resolve("vmm.db"));
        VmService service = new VmService(
                store,
                hypervisor,
                config.limits(),
                new XorrisoSeedWriter(),
                new Consoles(config.consoleLogBytes()),
                config.dataDir(),
                Clock.systemUTC());
        VmmDaemon d = new VmmDaemon(store, service);
        try {
            service.recover();
            VmGrpcService grpc = new VmGrpcService(service);
            d.servers.add(GrpcServers.start(config.endpoint(), grpc));
            config.tcp().ifPresent(t -> d.servers.add(GrpcServers.start(t, grpc)));
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
        LOG.info(
                "mvirt-vmm listening endpoint={} hypervisor={} acceleration={}",
                config.endpoint(),
                hypervisor.name(),
                hypervisor.acceleration().detail());
        return d;
    }

    public VmService service() {
        return service;
    }

    static Hypervisor chooseHypervisor(VmmConfig c) {
        String kind = c.hypervisor();
        if (kind.equals("auto")) {
            kind = onPath(c.cloudHypervisorBinary()) ? "cloud-hypervisor" : "qemu";
        }
        Acceleration accel = HostProbe.acceleration();
        if (!accel.hardware() && !kind.equals("fake")) {
            LOG.warn("hardware acceleration unavailable: {}", accel.detail());
        }
        return switch (kind) {
            case "qemu" -> new QemuDriver(c.qemuBinary(), accel);
            case "cloud-hypervisor" ->
                new CloudHypervisorDriver(c.cloudHypervisorBinary(), c.cloudHypervisorFirmware(), accel);
            case "fake" -> new FakeHypervisor();
            default ->
                throw new IllegalArgumentException(
                        "--hypervisor must be qemu, cloud-hypervisor, fake or auto: " + kind);
        };
    }

    static boolean onPath(String binary) {
        if (binary.contains("/")) {
            return Files.isExecutable(Path.of(binary));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    /** Stops serving; running VMs keep running and are re-adopted by the next daemon. */
    @Override
    public void close() {
        for (Server s : servers) {
            s.shutdownNow();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        service.close();
        store.close();
    }
}
