package dev.mvirt.node.bench;

import dev.mvirt.api.rest.ApiConfig;
import dev.mvirt.api.rest.Bootstrap;
import dev.mvirt.api.rest.HttpApi;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.node.ApiPeers;
import dev.mvirt.proto.node.v1.HostFacts;
import dev.mvirt.proto.node.v1.NodeAuth;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import dev.mvirt.proto.node.v1.RegisterRequest;
import dev.mvirt.proto.node.v1.ResourceKey;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.StoragePool;
import dev.mvirt.proto.node.v1.UpdateResourceStatusRequest;
import dev.mvirt.proto.node.v1.VmObserved;
import io.grpc.ManagedChannel;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Places VMs on simulated hosts through real API servers (Ratis peers in this JVM) and prints committed
 * placements/s, create latency and heap beside published schedulers' figures. Hosts register through the
 * NodeService (gRPC, as agents do); VMs are created through the REST API ({@code POST .../vms} over HTTP, spread
 * over every API server, with an admin token), each placed by the scheduler inside apply; then every host reports
 * its VMs RUNNING in batches.
 *
 * <p>Not a test. Run: {@code bench/placement.sh [PEERS] [HOSTS] [VMS] [IN_FLIGHT] [ROUNDS]} (defaults 3 1000 10000 256 2):
 * each round is a new cluster in the same JVM, so the first shows a cold JVM and the later ones a compiled one (a
 * long-running API server).
 */
public final class PlacementBench {
    private PlacementBench() {}

    public static void main(String[] args) throws Exception {
        int peers = arg(args, 0, 3);
        int hosts = arg(args, 1, 1000);
        int vms = arg(args, 2, 10_000);
        int inFlight = arg(args, 3, 256);
        int rounds = arg(args, 4, 2);
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(
                    "round %d of %d (%s)%n",
                    round, rounds, round == 1 ? "cold JVM" : "same JVM, compiled by the rounds before; new cluster");
            run(peers, hosts, vms, inFlight);
        }
    }

    /** One full run on a new cluster in a new directory. */
    private static void run(int peers, int hosts, int vms, int inFlight) throws Exception {
        String token = "bench-join-token-0123456789";
        long heapBefore = heapAfterGc();
        Path dir = Files.createTempDirectory("mvirt-placement-bench");
        try (ApiPeers api = ApiPeers.start(dir, peers, token)) {
            while (api.leader().isEmpty()) {
                Thread.sleep(50);
            }
            DataStore store = api.leader().orElseThrow().store();
            store.setSettings(Caller.of("bench"), Map.of("node.graceSeconds", "3600"))
                    .join();
            List<Javalin> https = new ArrayList<>();
            List<URI> uris = new ArrayList<>();
            for (ApiPeers.Peer p : api.peers.values()) {
                Javalin app = HttpApi.create(
                                p.store(), p.cluster(), ApiConfig.defaults().withAddress("127.0.0.1", 0))
                        .start();
                https.add(app);
                uris.add(URI.create("http://127.0.0.1:" + app.port()));
            }
            Path tokenFile = dir.resolve("admin.token");
            Bootstrap.ensureAdminToken(store, tokenFile);
            String admin = Files.readString(tokenFile).strip();
            ManagedChannel ch = GrpcChannels.open(api.nodeEndpoints().getFirst());
            long t0 = System.nanoTime();
            Map<String, String> credentials = register(ch, hosts, token);
            double regSeconds = (System.nanoTime() - t0) / 1e9;
            Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            long t1 = System.nanoTime();
            int placed = create(uris, admin, vms, inFlight, latency);
            double createSeconds = (System.nanoTime() - t1) / 1e9;
            long onNodes = store.read().vms().all().stream()
                    .filter(v -> !v.status().node().isEmpty())
                    .count();
            if (placed != vms || onNodes != vms) {
                throw new IllegalStateException(
                        placed + " creates were accepted and " + onNodes + " of " + vms + " VMs are placed");
            }
            long t2 = System.nanoTime();
            int reports = report(ch, store.read(), credentials);
            double reportSeconds = (System.nanoTime() - t2) / 1e9;
            ch.shutdownNow();
            https.forEach(Javalin::stop);
            long heapAfter = heapAfterGc();
            print(
                    peers,
                    hosts,
                    vms,
                    inFlight,
                    regSeconds,
                    createSeconds,
                    latency,
                    reports,
                    reportSeconds,
                    heapBefore,
                    heapAfter,
                    store.read());
        }
    }

    private static Map<String, String> register(ManagedChannel ch, int hosts, String token) {
        Map<String, String> out = new HashMap<>();
        NodeServiceGrpc.NodeServiceFutureStub stub = NodeServiceGrpc.newFutureStub(ch);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        Semaphore window = new Semaphore(64);
        for (int i = 0; i < hosts; i++) {
            String id = UUID.randomUUID().toString();
            window.acquireUninterruptibly();
            var f = stub.register(RegisterRequest.newBuilder()
                    .setNodeId(id)
                    .setName(String.format("host-%04d", i))
                    .setJoinToken(token)
                    .setFacts(HostFacts.newBuilder()
                            .setHostname("sim")
                            .setCpus(16)
                            .setMemoryMib(65536)
                            .addHypervisors("qemu")
                            .addPools(StoragePool.newBuilder()
                                    .setName("default")
                                    .setTotalBytes(1L << 40)
                                    .setFreeBytes(1L << 40)))
                    .build());
            CompletableFuture<Void> done = new CompletableFuture<>();
            f.addListener(
                    () -> {
                        window.release();
                        try {
                            synchronized (out) {
                                out.put(id, f.get().getCredential());
                            }
                            done.complete(null);
                        } catch (Exception e) {
                            done.completeExceptionally(e);
                        }
                    },
                    Runnable::run);
            all.add(done);
        }
        all.forEach(CompletableFuture::join);
        return out;
    }

    /**
     * Creates {@code vms} VMs with {@code POST /api/v1/projects/default/vms}, spread round-robin over every API
     * server (followers forward to the leader), {@code inFlight} at a time; answers how many were accepted (201 or 202).
     */
    private static int create(List<URI> peers, String token, int vms, int inFlight, Histogram latency) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Semaphore window = new Semaphore(inFlight);
        List<CompletableFuture<Boolean>> all = new ArrayList<>(vms);
        for (int i = 0; i < vms; i++) {
            String body = "{\"name\":\"vm-" + i + "\",\"spec\":{\"vcpus\":1,\"memoryMib\":512,"
                    + "\"boot\":{\"kernel\":\"/images/vmlinuz\"}}}";
            HttpRequest req = HttpRequest.newBuilder(
                            peers.get(i % peers.size()).resolve("/api/v1/projects/default/vms"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            window.acquireUninterruptibly();
            long start = System.nanoTime();
            all.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                synchronized (latency) {
                    latency.recordValue(Math.min(System.nanoTime() - start, latency.getHighestTrackableValue()));
                }
                window.release();
                if (e != null || (r.statusCode() != 201 && r.statusCode() != 202)) {
                    System.err.println("create failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
                    return false;
                }
                return true;
            }));
        }
        return (int) all.stream().filter(CompletableFuture::join).count();
    }

    /** Every simulated host reports its VMs RUNNING, in one batch per host. */
    private static int report(ManagedChannel ch, ClusterState s, Map<String, String> credentials) {
        Map<String, List<String>> byNode = new HashMap<>();
        s.vms()
                .all()
                .forEach(vm -> byNode.computeIfAbsent(vm.status().node(), k -> new ArrayList<>())
                        .add(vm.id()));
        NodeServiceGrpc.NodeServiceFutureStub stub = NodeServiceGrpc.newFutureStub(ch);
        Semaphore window = new Semaphore(32);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        int n = 0;
        for (var e : byNode.entrySet()) {
            UpdateResourceStatusRequest.Builder b = UpdateResourceStatusRequest.newBuilder()
                    .setAuth(NodeAuth.newBuilder().setNodeId(e.getKey()).setCredential(credentials.get(e.getKey())));
            for (String vm : e.getValue()) {
                b.addStatuses(ResourceStatus.newBuilder()
                        .setKey(ResourceKey.newBuilder()
                                .setKind(ResourceKind.RESOURCE_KIND_VM)
                                .setId(vm))
                        .setVm(VmObserved.newBuilder().setPhase("RUNNING").setPid(1)));
                n++;
            }
            window.acquireUninterruptibly();
            var f = stub.updateResourceStatus(b.build());
            CompletableFuture<Void> done = new CompletableFuture<>();
            f.addListener(
                    () -> {
                        window.release();
                        done.complete(null);
                    },
                    Runnable::run);
            all.add(done);
        }
        all.forEach(CompletableFuture::join);
        return n;
    }

    private static void print(
            int peers,
            int hosts,
            int vms,
            int inFlight,
            double regSeconds,
            double createSeconds,
            Histogram latency,
            int reports,
            double reportSeconds,
            long heapBefore,
            long heapAfter,
            ClusterState s) {
        double rate = vms / createSeconds;
        long running = s.vms().all().stream()
                .filter(v -> v.status().phase().name().equals("RUNNING"))
                .count();
        System.out.printf(
                "mvirt placement benchmark: %d Raft peer(s) in one JVM, %d simulated hosts, %d VMs, %d creates"
                        + " in flight, %d cores%n",
                peers, hosts, vms, inFlight, Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "  host registrations (gRPC Register):   %6.0f /s  (%d in %.1f s)%n",
                hosts / regSeconds, hosts, regSeconds);
        System.out.printf(
                "  committed placements (REST create):   %6.0f /s  (%d in %.1f s)   target >= 1,000 /s%n",
                rate, vms, createSeconds);
        System.out.printf(
                "  create latency ms: p50 %.1f  p99 %.1f  max %.1f%n",
                latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(99) / 1e6,
                latency.getMaxValue() / 1e6);
        System.out.printf(
                "  status reports applied:               %6.0f /s  (%d in %.1f s; %d VMs RUNNING)%n",
                reports / reportSeconds, reports, reportSeconds, running);
        if (heapBefore < 16L << 20) {
            System.out.printf(
                    "  heap after GC: %d MiB before, %d MiB with the cluster (all %d peers' state, logs, clients);"
                            + " ~%d MiB per peer%n",
                    heapBefore >> 20, heapAfter >> 20, peers, ((heapAfter - heapBefore) / peers) >> 20);
        } else {
            // an earlier round's cluster is still partly on the heap (its threads wind down): the difference lies
            System.out.printf(
                    "  heap after GC: %d MiB (earlier rounds' leftovers included; the first round's figure is the"
                            + " cluster's)%n",
                    heapAfter >> 20);
        }
        System.out.println("  published: Nomad C1M/C2M ~1,500-3,750 placements/s (large clusters, many servers);"
                + " kube-scheduler ~680-1,100 pods/s (its CI)");
        System.out.printf(
                "  ratio: %.2fx Nomad's low figure, %.2fx kube-scheduler's high figure%n", rate / 1500, rate / 1100);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }
}
