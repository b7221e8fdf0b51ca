package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/v1/projects/{project}/securityGroups}: groups, and their rules added or removed one at a time. */
final class SecurityGroupRoutes {
    private SecurityGroupRoutes() {}

    static void register(Routes r, Env env) {
        Crud crud = new Crud(env, Kind.SECURITY_GROUP);
        String base = "/api/v1/projects/{project}/securityGroups";
        r.get(base, Access.READ, crud::list);
        r.post(base, Access.WRITE, ctx -> crud.create(ctx, 201));
        r.get(base + "/{name}", Access.READ, crud::get);
        r.patch(base + "/{name}", Access.WRITE, crud::patch);
        r.delete(base + "/{name}", Access.WRITE, crud::delete);
        r.post(base + "/{name}/rules", Access.WRITE, ctx -> addRule(env, crud, ctx));
        r.delete(base + "/{name}/rules/{index}", Access.WRITE, ctx -> deleteRule(env, crud, ctx));
    }

    private static void addRule(Env env, Crud crud, Context ctx) {
        SpecDto.RuleDto dto = Http.body(env, ctx, SpecDto.RuleDto.class);
        ClusterState s = env.store().read();
        Resource<?, ?> g = crud.target(s, ctx);
        SecurityGroupSpec spec = (SecurityGroupSpec) g.spec();
        List<Rule> rules = new ArrayList<>(spec.rules());
        rules.add(dto.toRule(new Refs(s, g.meta().project(), g.name(), g.id()), "spec.rules[" + rules.size() + "]"));
        update(env, ctx, g, new SecurityGroupSpec(spec.description(), rules), 201);
    }

    private static void deleteRule(Env env, Crud crud, Context ctx) {
        Resource<?, ?> g = crud.target(env.store().read(), ctx);
        SecurityGroupSpec spec = (SecurityGroupSpec) g.spec();
        int index = index(ctx.pathParam("index"), spec.rules().size());
        List<Rule> rules = new ArrayList<>(spec.rules());
        rules.remove(index);
        update(env, ctx, g, new SecurityGroupSpec(spec.description(), rules), 200);
    }

    private static void update(Env env, Context ctx, Resource<?, ?> g, SecurityGroupSpec next, int status) {
        Crud.check(next.validate());
        Http.act(env, ctx, status, new Command.UpdateSpec(Kind.SECURITY_GROUP, g.id(), Http.ifMatch(ctx), next));
    }

    private static int index(String text, int size) {
        try {
            int i = Integer.parseInt(text);
            if (i >= 0 && i < size) {
                return i;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.notFound("rule " + text);
    }
}
