package dev.mvirt.api.raft;

import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.api.state.Result;
import dev.mvirt.common.audit.AuditEntry;
import dev.mvirt.common.audit.AuditLevel;
import dev.mvirt.common.audit.AuditSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Records every applied command in the audit log once: only the peer that is leader when it applies the entry
 * records it, and the entry id is derived from the log index, so two peers that both believe they lead during a
 * change of leadership still produce one stored entry. Rejected commands are recorded with their outcome too.
 */
public final class AuditRecorder implements ApplyListener {
    private final AuditSink sink;
    private final BooleanSupplier isLeader;

    /** Records into {@code sink} while {@code isLeader} says this peer leads. */
    public AuditRecorder(AuditSink sink, BooleanSupplier isLeader) {
        this.sink = sink;
        this.isLeader = isLeader;
    }

    @Override
    public void applied(long index, Envelope env, Result result) {
        if (!isLeader.getAsBoolean() || env.command() instanceof Command.ExpireLocks && result.ok()) {
            return;
        }
        List<String> objects = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("revision", Long.toString(index));
        fields.put("outcome", outcome(result));
        if (result instanceof Result.Ok ok) {
            objects.add(ok.resource().id());
            fields.put("kind", ok.resource().kind().name().toLowerCase());
            fields.put("name", ok.resource().name());
            if (!ok.resource().meta().project().isEmpty()) {
                fields.put("project", ok.resource().meta().project());
            }
        }
        // a rejected or resource-less command still names what it was about, so a query by object finds it
        AuditTargets.of(env.command()).forEach(t -> {
            if (!objects.contains(t.id())) {
                objects.add(t.id());
            }
            fields.putIfAbsent("kind", t.kind());
        });
        AuditEntry.Builder b = AuditEntry.builder(AuditLevel.AUDIT, "api", describe(env.command()))
                .id("api-" + index)
                .timestamp(Instant.ofEpochMilli(env.timeMillis()))
                .actor(env.actor())
                .objects(objects);
        fields.forEach(b::field);
        sink.record(b.build());
    }

    private static String describe(Command c) {
        String name = c.getClass().getSimpleName();
        return switch (c) {
            case Command.Create cr -> "Create " + cr.spec().kind().name().toLowerCase() + " " + cr.name();
            case Command.Delete d -> "Delete " + d.kind().name().toLowerCase() + " " + d.id();
            case Command.UpdateSpec u -> "Update " + u.kind().name().toLowerCase() + " " + u.id();
            case Command.ReportStatus s ->
                "ReportStatus " + s.kind().name().toLowerCase() + " " + s.id() + " from node " + s.node();
            case Command.SetVmPower p ->
                "SetVmPower vm " + p.vmId() + " to " + p.desired().name().toLowerCase();
            case Command.RebootVm r -> "RebootVm vm " + r.vmId();
            default -> name;
        };
    }

    private static String outcome(Result r) {
        return switch (r) {
            case Result.Ok ok -> "ok";
            case Result.Done d -> "ok";
            case Result.NotFound n -> "not_found";
            case Result.Conflict c -> "conflict:" + c.code();
            case Result.Invalid i -> "invalid:" + i.error().field();
            case Result.PreconditionFailed p -> "precondition_failed";
            case Result.NoCapacity n -> "no_capacity";
        };
    }
}
