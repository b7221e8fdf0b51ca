package dev.mvirt.bench.load;

import dev.mvirt.bench.client.KvClient;
import dev.mvirt.bench.cluster.Cluster;
import java.util.List;

/** One system under test: its running cluster and a register client per peer (in {@link Cluster#ids} order). */
public record Target(Cluster cluster, List<KvClient> clients) {
    public Target {
        clients = List.copyOf(clients);
    }

    /** The client of peer {@code id}. */
    public KvClient client(String id) {
        return clients.get(cluster.ids().indexOf(id));
    }

    /** The client the {@code n}-th load client uses (spread over the peers). */
    public KvClient spread(int n) {
        return clients.get(Math.floorMod(n, clients.size()));
    }
}
