package dev.mvirt.node;

import dev.mvirt.common.audit.AuditLogger;
import dev.mvirt.common.audit.AuditSink;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.node.api.ApiEndpoints;
import dev.mvirt.node.cache.AppliedLog;
import dev.mvirt.node.daemon.Daemons;
import dev.mvirt.node.daemon.HostInfo;
import dev.mvirt.node.daemon.NetDaemon;
import dev.mvirt.node.daemon.StorageDaemon;
import dev.mvirt.node.daemon.VmDaemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mvirt-node --api HOST:PORT[,...] --data-dir DIR --join-token-file FILE [--vmm unix:PATH|fake] [--zfs
 * unix:PATH|fake] [--net unix:PATH|fake] [--log unix:PATH|none]}: runs the host agent (DESIGN §8).
 */
@Command(
        name = "mvirt-node",
        mixinStandardHelpOptions = true,
        version = NodeAgent.VERSION,
        description = "The mvirt host agent: joins the cluster and realises this host's desired state.")
public final class Main implements Callable<Integer> {
    @Option(
            names = "--api",
            required = true,
            split = ",",
            description = "NodeService addresses HOST:PORT, comma-separated")
    private List<String> api = List.of();

    @Option(names = "--data-dir", required = true, description = "node id, credential and desired-state cache")
    private Path dataDir = Path.of(".");

    @Option(names = "--join-token-file", required = true, description = "file holding the cluster's join token")
    private Path joinTokenFile = Path.of(".");

    @Option(names = "--vmm", defaultValue = "unix:/run/mvirt/vmm.sock", description = "mvirt-vmm: unix:PATH or fake")
    private String vmm = "";

    @Option(names = "--zfs", defaultValue = "unix:/run/mvirt/zfs.sock", description = "mvirt-zfs: unix:PATH or fake")
    private String zfs = "";

    @Option(names = "--net", defaultValue = "unix:/run/mvirt/net.sock", description = "mvirt-net: unix:PATH or fake")
    private String net = "";

    @Option(names = "--log", defaultValue = "unix:/run/mvirt/log.sock", description = "mvirt-log: unix:PATH or none")
    private String auditLog = "";

    @Option(names = "--name", description = "node name (default: the host name)")
    private String name = "";

    @Option(names = "--label", description = "node label KEY=VALUE (repeatable)")
    private Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--address", defaultValue = "", description = "address other hosts reach this one at")
    private String address = "";

    @Option(names = "--fake-cpus", defaultValue = "16", description = "CPUs a --vmm fake host offers")
    private int fakeCpus;

    @Option(names = "--fake-memory-mib", defaultValue = "65536", description = "memory a --vmm fake host offers")
    private long fakeMemoryMib;

    @Option(names = "--resync-seconds", defaultValue = "60", description = "period of the full resync")
    private int resyncSeconds;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("mvirt-node: " + e.getMessage());
            return 2;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        StorageDaemon storage = Daemons.storage(zfs);
        NetDaemon netDaemon = Daemons.net(net);
        VmDaemon vmDaemon = Daemons.vm(vmm, new HostInfo(fakeCpus, fakeMemoryMib, List.of("qemu", "cloud-hypervisor")));
        AuditSink audit = auditLog.equals("none") ? AuditSink.noop() : AuditLogger.connect(Endpoint.parse(auditLog));
        ApiEndpoints endpoints =
                ApiEndpoints.open(api.stream().map(Main::apiEndpoint).toList());
        NodeAgent.Config config = new NodeAgent.Config(
                endpoints,
                dataDir,
                readToken(joinTokenFile),
                name.isEmpty() ? defaultName() : name,
                labels,
                address,
                Duration.ofSeconds(Math.max(5, resyncSeconds)));
        NodeAgent agent =
                NodeAgent.start(config, vmDaemon, storage, netDaemon, audit, AppliedLog.none(), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            agent.close();
                            endpoints.close();
                            vmDaemon.close();
                            stopped.countDown();
                        },
                        "node-shutdown"));
        stopped.await();
        return 0;
    }

    static Endpoint apiEndpoint(String text) {
        Endpoint e = Endpoint.parse(text.strip());
        if (!(e instanceof Endpoint.Tcp)) {
            throw new IllegalArgumentException("--api: expected HOST:PORT, got " + text);
        }
        return e;
    }

    static String readToken(Path file) {
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("--join-token-file " + file + " is empty");
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("--join-token-file: cannot read " + file, e);
        }
    }

    private static String defaultName() {
        try {
            String h = java.net.InetAddress.getLocalHost().getHostName();
            String first = Arrays.stream(h.split("\\.")).findFirst().orElse(h);
            return first.isEmpty() ? "node" : first;
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }
}
