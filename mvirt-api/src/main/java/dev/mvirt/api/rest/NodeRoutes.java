package dev.mvirt.api.rest;

import dev.mvirt.api.auth.NodeCredentials;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import io.javalin.http.Context;

/**
 * {@code /api/v1/nodes}: hosts register through the agent; operators read, label, cordon and uncordon them; admins
 * revoke one host's credential (its agent is refused until it registers again with a live join token).
 */
final class NodeRoutes {
    private NodeRoutes() {}

    static void register(Routes r, Env env) {
        Crud crud = new Crud(env, Kind.NODE);
        String base = "/api/v1/nodes";
        r.get(base, Access.READ, crud::list);
        r.get(base + "/{name}", Access.READ, crud::get);
        r.patch(base + "/{name}", Access.WRITE, crud::patch);
        r.delete(base + "/{name}", Access.ADMIN, crud::delete);
        r.post(base + "/{name}/cordon", Access.WRITE, ctx -> cordon(env, crud, ctx, true));
        r.post(base + "/{name}/uncordon", Access.WRITE, ctx -> cordon(env, crud, ctx, false));
        r.post(base + "/{name}/revoke-credential", Access.ADMIN, ctx -> revokeCredential(env, crud, ctx));
    }

    /** Raises the node's credential generation: every API server refuses the old credential from the next call. */
    private static void revokeCredential(Env env, Crud crud, Context ctx) {
        ClusterState s = env.store().read();
        Resource<?, ?> node = crud.target(s, ctx);
        var outcome = Http.submit(env, NodeCredentials.revoke(s, node.id()), Http.caller(ctx));
        if (!outcome.result().ok()) {
            throw ErrorMapper.rejection(outcome.result());
        }
        ctx.status(204);
    }

    private static void cordon(Env env, Crud crud, Context ctx, boolean cordoned) {
        Resource<?, ?> node = crud.target(env.store().read(), ctx);
        NodeSpec spec = (NodeSpec) node.spec();
        NodeSpec next = new NodeSpec(cordoned, cordoned && spec.draining());
        Http.act(env, ctx, 200, new Command.UpdateSpec(Kind.NODE, node.id(), Http.ifMatch(ctx), next));
    }
}
