package dev.mvirt.api.rest;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.store.ClusterInfo;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/cluster}: the Raft group as this peer sees it, and membership, leadership and snapshots. */
final class ClusterRoutes {
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9.-]{1,253}:[0-9]{1,5}|\\[[0-9a-fA-F:.]+]:[0-9]{1,5}");

    private ClusterRoutes() {}

    /** The body naming a peer to add. */
    record AddPeer(@Nullable String id, @Nullable String address) {}

    /** The body naming the next leader. */
    record Transfer(@Nullable String id) {}

    static void register(Routes r, Env env) {
        ClusterInfo c = env.cluster();
        r.get("/api/v1/cluster", Access.READ, ctx -> Http.json(env, ctx, 200, view(c)));
        r.get("/api/v1/cluster/peers", Access.READ, ctx -> Http.json(env, ctx, 200, Map.of("items", c.peers())));
        r.post("/api/v1/cluster/peers", Access.ADMIN, ctx -> addPeer(env, ctx));
        r.delete("/api/v1/cluster/peers/{id}", Access.ADMIN, ctx -> removePeer(env, ctx));
        r.get("/api/v1/cluster/leader", Access.READ, ctx -> Http.json(env, ctx, 200, leader(c)));
        r.post("/api/v1/cluster/leader", Access.ADMIN, ctx -> transfer(env, ctx));
        r.post("/api/v1/cluster/snapshot", Access.ADMIN, ctx -> {
            long index = Http.await(env, c.takeSnapshot());
            Http.json(env, ctx, 200, Map.of("index", index));
        });
    }

    /** The group as seen here; also the verbose part of the readiness probe. */
    static Map<String, Object> view(ClusterInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("self", c.selfId());
        m.put("role", c.role().name().toLowerCase(Locale.ROOT));
        c.leaderId().ifPresent(l -> m.put("leader", l));
        m.put("term", c.term());
        m.put("commitIndex", c.commitIndex());
        m.put("appliedIndex", c.appliedIndex());
        m.put("ready", c.ready());
        m.put("peers", c.peers());
        return m;
    }

    private static Map<String, Object> leader(ClusterInfo c) {
        return c.leaderId().<Map<String, Object>>map(l -> Map.of("leader", l)).orElseGet(Map::of);
    }

    private static void addPeer(Env env, Context ctx) {
        AddPeer body = Http.body(env, ctx, AddPeer.class);
        String id = Fields.required(body.id(), "id");
        String address = Fields.required(body.address(), "address");
        Crud.check(Check.name("id", id));
        if (!ADDRESS.matcher(address).matches()) {
            throw ApiException.invalid("address", "must be HOST:PORT");
        }
        if (known(env.cluster(), id)) {
            throw new ApiException(409, "peer_exists", "peer " + id + " is already a member");
        }
        Http.await(env, env.cluster().addPeer(id, address));
        Http.json(env, ctx, 200, Map.of("items", env.cluster().peers()));
    }

    private static void removePeer(Env env, Context ctx) {
        String id = ctx.pathParam("id");
        if (!known(env.cluster(), id)) {
            throw ApiException.notFound("peer '" + id + "'");
        }
        Http.await(env, env.cluster().removePeer(id));
        ctx.status(204);
    }

    private static void transfer(Env env, Context ctx) {
        String id = Fields.required(Http.body(env, ctx, Transfer.class).id(), "id");
        if (!known(env.cluster(), id)) {
            throw ApiException.invalid("id", "no peer '" + id + "' in the group");
        }
        Http.await(env, env.cluster().transferLeadership(id));
        Http.json(env, ctx, 202, Map.of("leader", id));
    }

    private static boolean known(ClusterInfo c, String id) {
        return c.peers().stream().anyMatch(p -> p.id().equals(id));
    }
}
