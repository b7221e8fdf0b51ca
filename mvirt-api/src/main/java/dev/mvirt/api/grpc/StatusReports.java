package dev.mvirt.api.grpc;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.api.store.Outcome;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.StatusResult;
import dev.mvirt.proto.node.v1.UpdateResourceStatusResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A batch of status reports from one node: each valid report is proposed as its own {@code ReportStatus} (all at
 * once, so they share commits), and each gets a result in request order. The batch fails as a whole only when the
 * store cannot commit, so the agent retries it (reports are idempotent) on another server.
 */
final class StatusReports {
    static final int MAX_BATCH = 2048;

    private StatusReports() {}

    static CompletableFuture<UpdateResourceStatusResponse> apply(
            DataStore store, String node, List<ResourceStatus> statuses) {
        if (statuses.size() > MAX_BATCH) {
            throw new Refusal(Refusal.Why.INVALID, "statuses: at most " + MAX_BATCH + " per call");
        }
        Caller caller = Caller.of("node:" + node);
        List<CompletableFuture<StatusResult>> results = new ArrayList<>(statuses.size());
        for (ResourceStatus rs : statuses) {
            results.add(one(store, node, caller, rs));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(v -> {
                    UpdateResourceStatusResponse.Builder b = UpdateResourceStatusResponse.newBuilder()
                            .setRevision(store.read().revision());
                    results.forEach(f -> b.addResults(f.join()));
                    return b.build();
                });
    }

    private static CompletableFuture<StatusResult> one(DataStore store, String node, Caller caller, ResourceStatus rs) {
        StatusResult.Builder r = StatusResult.newBuilder().setKey(rs.getKey());
        Optional<Kind> kind = SpecProtos.kind(rs.getKey().getKind());
        if (kind.isEmpty()) {
            return done(r.setCode("invalid").setMessage("key.kind: unknown kind"));
        }
        try {
            Command cmd = new Command.ReportStatus(
                    kind.get(), rs.getKey().getId(), node, StatusProtos.status(kind.get(), rs));
            return store.submit(cmd, caller).thenApply(o -> result(r, o));
        } catch (Refusal e) {
            return done(r.setCode("invalid").setMessage(String.valueOf(e.getMessage())));
        }
    }

    private static StatusResult result(StatusResult.Builder r, Outcome o) {
        return r.setCode(GrpcErrors.code(o.result()))
                .setMessage(GrpcErrors.message(o.result()))
                .build();
    }

    private static CompletableFuture<StatusResult> done(StatusResult.Builder r) {
        return CompletableFuture.completedFuture(r.build());
    }
}
