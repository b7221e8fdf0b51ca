package dev.mvirt.api.rest;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/projects/{project}/nics}: NICs, attached to and detached from VMs by name. */
final class NicRoutes {
    private NicRoutes() {}

    /** The body of an attach: the VM by name or id. */
    record Attach(@Nullable String vm) {}

    static void register(Routes r, Env env) {
        Crud crud = new Crud(env, Kind.NIC);
        String base = "/api/v1/projects/{project}/nics";
        r.get(base, Access.READ, crud::list);
        r.post(base, Access.WRITE, ctx -> crud.create(ctx, 201));
        r.get(base + "/{name}", Access.READ, crud::get);
        r.patch(base + "/{name}", Access.WRITE, crud::patch);
        r.delete(base + "/{name}", Access.WRITE, crud::delete);
        r.post(base + "/{name}/attach", Access.WRITE, ctx -> attach(env, crud, ctx));
        r.post(base + "/{name}/detach", Access.WRITE, ctx -> detach(env, crud, ctx));
    }

    private static void attach(Env env, Crud crud, Context ctx) {
        Attach body = Http.body(env, ctx, Attach.class);
        ClusterState s = env.store().read();
        Resource<?, ?> nic = crud.target(s, ctx);
        String ref = Fields.required(body.vm(), "vm");
        Crud.check(Check.name("vm", ref));
        String vm = new Refs(s, nic.meta().project()).id(Kind.VM, ref, "vm");
        Http.act(env, ctx, 200, new Command.AttachNic(nic.id(), vm, Http.ifMatch(ctx)));
    }

    private static void detach(Env env, Crud crud, Context ctx) {
        Resource<?, ?> nic = crud.target(env.store().read(), ctx);
        Http.act(env, ctx, 200, new Command.DetachNic(nic.id(), Http.ifMatch(ctx)));
    }
}
