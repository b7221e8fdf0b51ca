package dev.mvirt.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.api.console.AttachRequest;
import dev.mvirt.api.console.ConsoleBroker;
import dev.mvirt.api.console.ConsoleLink;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.state.ClusterState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/projects/{project}/vms/{name}/console}: a WebSocket to the VM's serial console through this
 * server and the host's agent. Everything is checked before the upgrade (token with operator or admin role in the
 * project, the VM, its phase, the host's console channel here), so refusals are plain problem+json answers. Binary
 * frames carry bytes both ways; a text frame {@code {"type":"resize","cols":C,"rows":R}} passes a window size.
 * Query: {@code replay} (bytes of recent output, default 65536, 0 none), {@code force=true} (take over).
 */
final class ConsoleRoutes {
    static final String PATH = "/api/v1/projects/{project}/vms/{name}/console";
    private static final String TARGET = "mvirt.console";
    private static final int MAX_REPLAY = 1 << 20;
    private static final Set<VmPhase> ATTACHABLE =
            EnumSet.of(VmPhase.CREATING, VmPhase.RUNNING, VmPhase.STOPPING, VmPhase.UNKNOWN);

    /** What the upgrade checks resolved: the VM's node and what to ask its agent. */
    private record Target(String node, AttachRequest request) {}

    private final Env env;
    private final ConsoleBroker broker;
    private final Map<String, ConsoleLink> links = new ConcurrentHashMap<>();

    private ConsoleRoutes(Env env, ConsoleBroker broker) {
        this.env = env;
        this.broker = broker;
    }

    static void register(RoutesConfig routes, Env env, ConsoleBroker broker) {
        ConsoleRoutes c = new ConsoleRoutes(env, broker);
        routes.wsBeforeUpgrade(PATH, ctx -> {
            try {
                ctx.attribute(TARGET, c.target(ctx));
            } catch (ApiException e) {
                c.refuse(ctx, e);
                throw e;
            }
        });
        routes.ws(PATH, ws -> {
            ws.onConnect(c::connect);
            ws.onBinaryMessage(m -> c.link(m).ifPresent(l -> l.input(bytes(m.data()))));
            ws.onMessage(m -> c.control(m, m.message()));
            ws.onClose(m -> c.closed(m, "the client closed the console"));
            ws.onError(m -> c.closed(m, "the client's connection failed"));
        });
    }

    private Target target(Context ctx) {
        env.guard().check(ctx, Access.WRITE);
        ClusterState state = env.store().read();
        String project = Http.project(state, ctx);
        String name = ctx.pathParam("name");
        Resource<?, ?> vm = Http.find(state, Kind.VM, project, name);
        if (!(vm.status() instanceof VmStatus s) || s.node().isEmpty() || !ATTACHABLE.contains(s.phase())) {
            String phase = vm.status() instanceof VmStatus st ? st.phase().name() : "unknown";
            throw new ApiException(
                    409, "vm_not_running", "vm '" + name + "' is " + phase + ": its console opens once it runs");
        }
        if (!broker.hasChannel(s.node())) {
            String host = state.nodes().get(s.node()).map(Resource::name).orElse(s.node());
            throw new ApiException(
                    503,
                    "console_unavailable",
                    "the agent of node '" + host + "' (host of vm '" + name
                            + "') has no console channel to this API server; is it connected?");
        }
        return new Target(s.node(), attach(ctx, vm.id()));
    }

    /**
     * Writes the problem straight to the response: Javalin does not send a result body for a refused upgrade (only
     * its headers), and a client should read why.
     */
    private void refuse(Context ctx, ApiException e) throws java.io.IOException {
        var body = Problem.of(e.status(), e.code(), e.detail(), ctx.path(), ErrorMapper.requestId(ctx), e.extra());
        byte[] bytes = env.json().write(body);
        ctx.res().setStatus(e.status());
        ctx.res().setContentType(Problem.CONTENT_TYPE);
        ctx.res().setContentLength(bytes.length);
        ctx.res().getOutputStream().write(bytes);
        ctx.res().flushBuffer();
    }

    private static AttachRequest attach(Context ctx, String vmId) {
        int replay = 65536;
        String r = ctx.queryParam("replay");
        if (r != null) {
            if (!r.matches("[0-9]{1,7}") || Integer.parseInt(r) > MAX_REPLAY) {
                throw ApiException.invalid("replay", "replay: bytes of output to replay, 0 to " + MAX_REPLAY);
            }
            replay = Integer.parseInt(r);
        }
        String f = ctx.queryParamAsClass("force", String.class).getOrDefault("false");
        if (!f.equals("true") && !f.equals("false")) {
            throw ApiException.invalid("force", "force: true or false");
        }
        return new AttachRequest(vmId, replay, replay == 0, f.equals("true"), 0, 0);
    }

    private void connect(WsContext ws) {
        Target t = ws.attribute(TARGET);
        if (t == null) {
            ws.closeSession(1011, "console target lost during the upgrade");
            return;
        }
        ws.enableAutomaticPings(15, TimeUnit.SECONDS);
        Optional<ConsoleLink> link = broker.attach(t.node(), t.request(), new WsConsoleClient(ws));
        if (link.isEmpty()) {
            ws.closeSession(1011, "the host's agent has no console channel to this API server");
            return;
        }
        links.put(ws.sessionId(), link.get());
    }

    private void control(WsContext ws, String text) {
        Optional<ConsoleLink> link = link(ws);
        if (link.isEmpty()) {
            return;
        }
        Optional<String> bad = Optional.empty();
        try {
            JsonNode n = env.json().tree(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            int cols = n.path("cols").asInt(-1);
            int rows = n.path("rows").asInt(-1);
            if (!n.path("type").asText("").equals("resize")) {
                bad = Optional.of("type: only {\"type\":\"resize\",\"cols\":C,\"rows\":R} is understood");
            } else if (cols < 1 || rows < 1 || cols > 10_000 || rows > 10_000) {
                bad = Optional.of("cols, rows: 1 to 10000");
            } else {
                link.get().resize(cols, rows);
            }
        } catch (ApiException e) {
            bad = Optional.of("text frames are JSON control messages: " + e.detail());
        }
        bad.ifPresent(why -> {
            link.get().clientClosed("the client sent a bad control message");
            ws.closeSession(1003, WsConsoleClient.closeReason(why));
        });
    }

    private void closed(WsContext ws, String reason) {
        ConsoleLink l = links.remove(ws.sessionId());
        if (l != null) {
            l.clientClosed(reason);
        }
    }

    private Optional<ConsoleLink> link(WsContext ws) {
        return Optional.ofNullable(links.get(ws.sessionId()));
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
