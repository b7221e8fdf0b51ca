package dev.mvirt.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Command;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/projects/{project}/vms/{name}/move}: a cold move of a stopped VM to another host. The optional
 * body names the target ({@code node}: a node's name or id) and/or more selector terms ({@code nodeSelector});
 * without them the scheduler chooses among the other nodes. The rule ({@code state.Moves}) answers 409 when the VM
 * runs or has a local volume, and lists per node why none fits. Answers 202 with the VM, now Scheduled on its new
 * node; the hosts follow (the old one removes its copy, the new one creates it).
 */
final class VmMoveRoute {
    private static final Set<String> FIELDS = Set.of("node", "nodeSelector");

    private VmMoveRoute() {}

    static void move(Env env, Crud crud, Context ctx) {
        ClusterState state = env.store().read();
        Resource<?, ?> vm = crud.target(state, ctx);
        Map<String, String> selector =
                selector(state, Http.bodyBytes(env, ctx).length == 0 ? null : Http.body(env, ctx));
        Http.act(env, ctx, 202, new Command.MoveVm(vm.id(), Http.ifMatch(ctx), selector));
    }

    private static Map<String, String> selector(ClusterState state, @Nullable JsonNode body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isNull()) {
            return out;
        }
        if (!body.isObject()) {
            throw ApiException.malformed("", "the body is a JSON object: {\"node\": NAME, \"nodeSelector\": {...}}");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ApiException.invalid(f, "unknown field (known: node, nodeSelector)");
            }
        });
        JsonNode terms = body.path("nodeSelector");
        if (!terms.isMissingNode() && !terms.isNull()) {
            if (!terms.isObject()) {
                throw ApiException.invalid("nodeSelector", "an object of label = value");
            }
            terms.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw ApiException.invalid("nodeSelector." + e.getKey(), "a string");
                }
                out.put(e.getKey(), e.getValue().asText());
            });
        }
        JsonNode node = body.path("node");
        if (!node.isMissingNode() && !node.isNull()) {
            if (!node.isTextual() || node.asText().isBlank()) {
                throw ApiException.invalid("node", "a node's name or id");
            }
            out.put(VmSpec.NODE_ID, node(state, node.asText()).id());
        }
        return out;
    }

    private static Resource<NodeSpec, NodeStatus> node(ClusterState state, String nameOrId) {
        Optional<Resource<NodeSpec, NodeStatus>> byName = state.nodes().byName("", nameOrId);
        return byName.or(() -> state.nodes().get(nameOrId))
                .orElseThrow(() -> ApiException.invalid("node", "no node is named or has the id '" + nameOrId + "'"));
    }
}
