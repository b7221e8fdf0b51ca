package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.state.Command;
import io.javalin.http.Context;
import java.util.function.BiFunction;

/**
 * {@code /api/v1/projects/{project}/vms}: create answers 202 (the host follows); start, stop, reboot and kill change
 * the desired state and answer 202; the phase changes when the host reports it. Move: {@link VmMoveRoute}.
 */
final class VmRoutes {
    private VmRoutes() {}

    static void register(Routes r, Env env) {
        Crud crud = new Crud(env, Kind.VM);
        String base = "/api/v1/projects/{project}/vms";
        r.get(base, Access.READ, crud::list);
        r.post(base, Access.WRITE, ctx -> crud.create(ctx, 202));
        r.get(base + "/{name}", Access.READ, crud::get);
        r.patch(base + "/{name}", Access.WRITE, crud::patch);
        r.delete(base + "/{name}", Access.WRITE, crud::delete);
        String item = base + "/{name}/";
        r.post(item + "start", Access.WRITE, ctx -> power(env, crud, ctx, (id, rev) -> running(id, rev)));
        r.post(item + "stop", Access.WRITE, ctx -> power(env, crud, ctx, (id, rev) -> stopped(id, rev, false)));
        r.post(item + "kill", Access.WRITE, ctx -> power(env, crud, ctx, (id, rev) -> stopped(id, rev, true)));
        r.post(item + "reboot", Access.WRITE, ctx -> power(env, crud, ctx, Command.RebootVm::new));
        r.post(item + "move", Access.WRITE, ctx -> VmMoveRoute.move(env, crud, ctx));
    }

    private static void power(Env env, Crud crud, Context ctx, BiFunction<String, Long, Command> command) {
        Resource<?, ?> vm = crud.target(env.store().read(), ctx);
        Http.act(env, ctx, 202, command.apply(vm.id(), Http.ifMatch(ctx)));
    }

    private static Command running(String id, long rev) {
        return new Command.SetVmPower(id, VmSpec.DesiredState.RUNNING, VmSpec.StopMode.GRACEFUL, rev);
    }

    private static Command stopped(String id, long rev, boolean force) {
        VmSpec.StopMode mode = force ? VmSpec.StopMode.FORCE : VmSpec.StopMode.GRACEFUL;
        return new Command.SetVmPower(id, VmSpec.DesiredState.STOPPED, mode, rev);
    }
}
