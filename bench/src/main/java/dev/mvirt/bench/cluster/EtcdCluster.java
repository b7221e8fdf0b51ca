package dev.mvirt.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Three etcd members (Debian's etcd 3.4 binary from {@code bench/etcd-fetch.sh}) on loopback with default timing
 * (heartbeat 100 ms, election 1000 ms), each with its own data directory under {@code dir}.
 */
public final class EtcdCluster extends ProcessCluster {

    /** A cluster of {@code size} members (not started) running {@code etcdBinary}. */
    public EtcdCluster(Path dir, Path etcdBinary, int size, boolean withPartitions) {
        Map<String, int[]> ports = new LinkedHashMap<>();
        for (int i = 1; i <= size; i++) {
            ports.put("etcd" + i, new int[] {Ports.free(), Ports.free()});
        }
        StringBuilder initial = new StringBuilder();
        ports.forEach((id, p) -> initial.append(initial.isEmpty() ? "" : ",")
                .append(id)
                .append("=http://127.0.0.1:")
                .append(p[1]));
        Map<String, Partitions.Member> members = new LinkedHashMap<>();
        int index = 0;
        for (var e : ports.entrySet()) {
            String id = e.getKey();
            String client = "http://127.0.0.1:" + e.getValue()[0];
            String peer = "http://127.0.0.1:" + e.getValue()[1];
            List<String> argv = new ArrayList<>(List.of(etcdBinary.toString(), "--name", id));
            argv.addAll(List.of("--data-dir", dir.resolve(id).toString(), "--log-level", "warn"));
            argv.addAll(List.of("--listen-client-urls", client, "--advertise-client-urls", client));
            argv.addAll(List.of("--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer));
            argv.addAll(List.of("--initial-cluster", initial.toString(), "--initial-cluster-state", "new"));
            argv.addAll(List.of("--initial-cluster-token", "mvbench"));
            Optional<Integer> gid = withPartitions ? Optional.of(Partitions.gidFor(10 + index++)) : Optional.empty();
            gid.ifPresent(g -> members.put(id, new Partitions.Member(g, e.getValue()[1])));
            add(new PeerProcess(id, argv, dir.resolve(id + ".log"), gid), URI.create(client));
        }
        if (withPartitions) {
            partitions(new Partitions(members));
        }
    }

    @Override
    public String name() {
        return "etcd";
    }

    @Override
    protected Optional<String> leaderSeenBy(String id) {
        Optional<JsonNode> status = Json.post(http, clientUri(id).resolve("/v3/maintenance/status"), "{}");
        Optional<JsonNode> members = Json.post(http, clientUri(id).resolve("/v3/cluster/member/list"), "{}");
        if (status.isEmpty() || members.isEmpty()) {
            return Optional.empty();
        }
        String leader = status.get().path("leader").asText("0");
        for (JsonNode m : members.get().path("members")) {
            if (m.path("ID").asText("").equals(leader)) {
                return Optional.of(m.path("name").asText());
            }
        }
        return Optional.empty();
    }

    @Override
    public java.util.OptionalLong term(String id) {
        // the JSON gateway prints 64-bit integers as strings
        return Json.post(http, clientUri(id).resolve("/v3/maintenance/status"), "{}")
                .map(j -> j.path("raftTerm").asText(""))
                .filter(t -> t.matches("[0-9]+"))
                .map(t -> java.util.OptionalLong.of(Long.parseLong(t)))
                .orElse(java.util.OptionalLong.empty());
    }

    @Override
    protected boolean ready(String id) {
        return Json.get(http, clientUri(id).resolve("/health"), 200)
                .map(j -> j.path("health").asText("").equals("true"))
                .orElse(false);
    }
}
