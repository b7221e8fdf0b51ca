package dev.mvirt.vmm.bench;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.proto.vmm.v1.CreateVmRequest;
import dev.mvirt.proto.vmm.v1.DeleteVmRequest;
import dev.mvirt.proto.vmm.v1.DirectBoot;
import dev.mvirt.proto.vmm.v1.VmRef;
import dev.mvirt.proto.vmm.v1.VmServiceGrpc;
import dev.mvirt.proto.vmm.v1.VmSpec;
import dev.mvirt.vmm.VmmConfig;
import dev.mvirt.vmm.VmmDaemon;
import dev.mvirt.vmm.hypervisor.HostProbe;
import dev.mvirt.vmm.hypervisor.qemu.QemuDriver;
import dev.mvirt.vmm.service.Limits;
import dev.mvirt.vmm.testing.DemoGuest;
import dev.mvirt.vmm.testing.GrpcConsole;
import dev.mvirt.vmm.testing.SocketConsole;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Boot benchmark (not a test): N sequential and N concurrent VMs of the demo guest through an in-process daemon
 * and its gRPC socket, against the peer of starting qemu-system-x86_64 directly. Run with bench/vmm-boot.sh.
 */
public final class VmBootBench {
    private static final Duration BOOT = Duration.ofSeconds(300);

    /** One VM's figures in milliseconds. */
    record Sample(double overheadMs, double startRpcMs, double markerMs) {}

    private VmBootBench() {}

    public static void main(String[] args) throws Exception {
        run(args);
        // gRPC's shared client event loop is not daemonic
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path guest = DemoGuest.dir();
        Path tmp = Files.createTempDirectory("vmm-bench");
        TimingHypervisor timing = new TimingHypervisor(new QemuDriver("qemu-system-x86_64", HostProbe.acceleration()));
        Path socket = tmp.resolve("vmm.sock");
        VmmConfig config = new VmmConfig(
                new Endpoint.Unix(socket),
                tmp.resolve("data"),
                "qemu",
                new Limits(8, 16, 8192, List.of(guest)),
                "qemu-system-x86_64",
                "cloud-hypervisor",
                tmp,
                1 << 20,
                Optional.empty());
        System.out.printf(
                "mvirt-vmm boot benchmark: N=%d, %s, %s%n",
                n, HostProbe.acceleration().detail(), timing.version());
        try (VmmDaemon daemon = VmmDaemon.start(config, timing)) {
            ManagedChannel ch = GrpcChannels.open(new Endpoint.Unix(socket));
            Bench b = new Bench(ch, timing, guest);
            List<Double> peer = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                peer.add(directQemu(guest, tmp.resolve("peer" + i)));
            }
            report("direct qemu (peer), sequential", peer);
            List<Sample> seq = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                seq.add(b.boot("seq" + i));
            }
            report("mvirt-vmm, sequential", seq, median(peer));
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<Sample>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "conc" + i;
                futures.add(pool.submit(() -> b.boot(name)));
            }
            List<Sample> conc = new ArrayList<>();
            for (Future<Sample> f : futures) {
                conc.add(f.get());
            }
            pool.shutdown();
            report("mvirt-vmm, " + n + " concurrent", conc, median(peer));
            ch.shutdownNow();
        }
    }

    /** Boots one VM through the daemon, waits for the marker, then deletes it. */
    record Bench(ManagedChannel ch, TimingHypervisor timing, Path guest) {
        Sample boot(String name) throws Exception {
            var stub = VmServiceGrpc.newBlockingStub(ch);
            String id = stub.createVm(
                            CreateVmRequest.newBuilder().setSpec(spec(name)).build())
                    .getId();
            long t0 = System.nanoTime();
            stub.startVm(VmRef.newBuilder().setId(id).build());
            long started = System.nanoTime();
            try (GrpcConsole console = new GrpcConsole(VmServiceGrpc.newStub(ch), id)) {
                console.await(DemoGuest.MARKER, BOOT);
            }
            long marker = System.nanoTime();
            stub.deleteVm(DeleteVmRequest.newBuilder().setId(id).setForce(true).build());
            return new Sample(ms(timing.execNanos(id) - t0), ms(started - t0), ms(marker - t0));
        }

        private VmSpec spec(String name) {
            return VmSpec.newBuilder()
                    .setName(name)
                    .setVcpus(1)
                    .setMemoryMib(256)
                    .setDirectBoot(DirectBoot.newBuilder()
                            .setKernel(guest.resolve("vmlinuz").toString())
                            .setInitramfs(guest.resolve("initramfs.cpio.gz").toString())
                            .setCmdline(DemoGuest.CMDLINE))
                    .build();
        }
    }

    /** The peer: qemu-system-x86_64 run directly with the same machine; exec to marker on the console socket. */
    static double directQemu(Path guest, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path console = dir.resolve("console.sock");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(
                        "qemu-system-x86_64",
                        "-machine",
                        "q35",
                        "-accel",
                        "tcg",
                        "-smp",
                        "1",
                        "-m",
                        "256M",
                        "-nodefaults",
                        "-no-user-config",
                        "-display",
                        "none",
                        "-chardev",
                        "socket,id=s0,path=" + console + ",server=on,wait=off",
                        "-serial",
                        "chardev:s0",
                        "-kernel",
                        guest.resolve("vmlinuz").toString(),
                        "-initrd",
                        guest.resolve("initramfs.cpio.gz").toString(),
                        "-append",
                        DemoGuest.CMDLINE)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile())
                .start();
        try (SocketConsole c = SocketConsole.connect(console)) {
            c.await(DemoGuest.MARKER, BOOT);
            return ms(System.nanoTime() - t0);
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static void report(String title, List<Double> markerMs) {
        System.out.printf("%-34s exec->marker ms: %s  median %.0f%n", title, fmt(markerMs), median(markerMs));
    }

    static void report(String title, List<Sample> s, double peerMedian) {
        List<Double> over = s.stream().map(Sample::overheadMs).toList();
        List<Double> rpc = s.stream().map(Sample::startRpcMs).toList();
        List<Double> marker = s.stream().map(Sample::markerMs).toList();
        System.out.printf(
                "%-34s request->exec (daemon overhead) ms: %s  median %.1f%n", title, fmt(over), median(over));
        System.out.printf("%-34s request->StartVm answer ms: %s  median %.0f%n", "", fmt(rpc), median(rpc));
        System.out.printf(
                "%-34s request->console marker ms: %s  median %.0f  (x%.2f of the peer)%n",
                "", fmt(marker), median(marker), median(marker) / peerMedian);
    }

    private static String fmt(List<Double> v) {
        return v.stream().map(d -> String.format("%.1f", d)).toList().toString();
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.isEmpty() ? 0 : s.get(s.size() / 2);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
