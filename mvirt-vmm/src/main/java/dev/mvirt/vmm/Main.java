package dev.mvirt.vmm;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.vmm.service.Limits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/mvirt-vmm}: parses flags, starts the daemon, runs until SIGTERM (VMs keep running). */
@Command(name = "mvirt-vmm", mixinStandardHelpOptions = true, description = "mvirt hypervisor daemon")
public final class Main implements Callable<Integer> {
    @Option(names = "--socket", description = "unix socket to serve on (default ${DEFAULT-VALUE})")
    Path socket = Path.of("/run/mvirt/vmm.sock");

    @Option(names = "--listen", description = "also serve on HOST:PORT (TCP)")
    String listen = "";

    @Option(names = "--data-dir", required = true, description = "state and VM run directories")
    Path dataDir = Path.of(".");

    @Option(names = "--hypervisor", description = "qemu, cloud-hypervisor, fake or auto (default ${DEFAULT-VALUE})")
    String hypervisor = "auto";

    @Option(
            names = "--image-dir",
            description = "directory images and kernels must lie under (repeatable; default DATA/images)")
    List<Path> imageDirs = new ArrayList<>();

    @Option(names = "--max-vcpus", description = "largest vcpus per VM (default ${DEFAULT-VALUE})")
    int maxVcpus = 64;

    @Option(names = "--max-memory-mib", description = "largest memory per VM (default ${DEFAULT-VALUE})")
    long maxMemoryMib = 262_144;

    @Option(names = "--qemu-binary", description = "default ${DEFAULT-VALUE}")
    String qemuBinary = "qemu-system-x86_64";

    @Option(names = "--cloud-hypervisor-binary", description = "default ${DEFAULT-VALUE}")
    String chBinary = "cloud-hypervisor";

    @Option(names = "--cloud-hypervisor-firmware", description = "firmware for disk boot (default ${DEFAULT-VALUE})")
    Path chFirmware = Path.of("/usr/share/cloud-hypervisor/hypervisor-fw");

    @Option(names = "--console-log-bytes", description = "console output kept per VM (default ${DEFAULT-VALUE})")
    long consoleLogBytes = 1 << 20;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        List<Path> dirs = imageDirs.isEmpty() ? List.of(dataDir.resolve("images")) : imageDirs;
        Limits limits = new Limits(maxVcpus, 16, maxMemoryMib, dirs);
        Optional<Endpoint> tcp = listen.isEmpty() ? Optional.empty() : Optional.of(Endpoint.parse(listen));
        VmmConfig config = new VmmConfig(
                new Endpoint.Unix(socket.toAbsolutePath()),
                dataDir.toAbsolutePath(),
                hypervisor,
                limits,
                qemuBinary,
                chBinary,
                chFirmware,
                consoleLogBytes,
                tcp);
        VmmDaemon daemon = VmmDaemon.start(config);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
