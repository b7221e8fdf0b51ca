package dev.mvirt.bench.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The process and fault handling shared by the mvirt and etcd clusters; subclasses say how to probe a peer. */
abstract class ProcessCluster implements Cluster {
    protected final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private final Map<String, PeerProcess> peers = new LinkedHashMap<>();
    private final Map<String, URI> uris = new LinkedHashMap<>();
    private Optional<Partitions> partitions = Optional.empty();

    protected void add(PeerProcess peer, URI clientUri) {
        peers.put(peer.id(), peer);
        uris.put(peer.id(), clientUri);
    }

    protected void partitions(Partitions p) {
        partitions = Optional.of(p);
    }

    /** The leader {@code id} reports, if it answers and knows one. */
    protected abstract Optional<String> leaderSeenBy(String id);

    /** True when {@code id} answers as a ready member. */
    protected abstract boolean ready(String id);

    @Override
    public List<String> ids() {
        return new ArrayList<>(peers.keySet());
    }

    @Override
    public URI clientUri(String id) {
        URI u = uris.get(id);
        if (u == null) {
            throw new ClusterException("no peer " + id);
        }
        return u;
    }

    @Override
    public void start(Duration timeout) {
        partitions.ifPresent(Partitions::heal);
        peers.values().forEach(PeerProcess::start);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (leader().isPresent() && peers.keySet().stream().allMatch(this::ready)) {
                return;
            }
            sleep(200);
        }
        throw new ClusterException(name() + ": no leader and ready peers within " + timeout);
    }

    @Override
    public Optional<String> leader() {
        for (String id : peers.keySet()) {
            if (peer(id).alive()) {
                Optional<String> l = leaderSeenBy(id);
                if (l.isPresent()) {
                    return l;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void awaitReady(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(id)) {
                return;
            }
            sleep(100);
        }
        throw new ClusterException(name() + ": " + id + " not ready within " + timeout);
    }

    @Override
    public boolean running(String id) {
        return peer(id).alive();
    }

    @Override
    public void kill(String id) {
        peer(id).kill();
    }

    @Override
    public void restart(String id) {
        peer(id).start();
    }

    @Override
    public void pause(String id) {
        peer(id).pause();
    }

    @Override
    public void resume(String id) {
        peer(id).resume();
    }

    @Override
    public boolean partitionsSupported() {
        return partitions.isPresent();
    }

    @Override
    public void isolate(String id) {
        partitions
                .orElseThrow(() -> new ClusterException("partitions need root, nft and setpriv"))
                .isolate(id);
    }

    @Override
    public void heal() {
        partitions.ifPresent(Partitions::heal);
    }

    @Override
    public double cpuSeconds() {
        return peers.values().stream().mapToDouble(PeerProcess::cpuSeconds).sum();
    }

    @Override
    public void close() {
        peers.values().forEach(PeerProcess::stop);
        partitions.ifPresent(Partitions::close);
    }

    protected PeerProcess peer(String id) {
        PeerProcess p = peers.get(id);
        if (p == null) {
            throw new ClusterException("no peer " + id);
        }
        return p;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted", e);
        }
    }
}
