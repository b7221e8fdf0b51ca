package dev.mvirt.bench.robust;

import dev.mvirt.bench.check.Finding;
import dev.mvirt.bench.history.History;
import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.OpKind;
import dev.mvirt.bench.history.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of a robustness run: the history, the faults injected, and the findings of the checks. */
public record RobustReport(History history, List<String> faults, List<Finding> findings) {
    public RobustReport {
        faults = List.copyOf(faults);
        findings = List.copyOf(findings);
    }

    /** True when every check passed. */
    public boolean passed() {
        return findings.isEmpty();
    }

    /** Successful operations of {@code kind}. */
    public long ok(OpKind kind) {
        return history.ops().stream()
                .filter(o -> o.kind() == kind && o.outcome() == Outcome.OK)
                .count();
    }

    /** A few lines for people: counts per kind and outcome, faults, findings. */
    public String summary() {
        Map<OpKind, Map<Outcome, Integer>> counts = new EnumMap<>(OpKind.class);
        for (Op o : history.ops()) {
            counts.computeIfAbsent(o.kind(), k -> new EnumMap<>(Outcome.class)).merge(o.outcome(), 1, Integer::sum);
        }
        long events =
                history.watches().stream().mapToLong(w -> w.records().size()).sum();
        StringBuilder b = new StringBuilder();
        b.append("operations ")
                .append(history.ops().size())
                .append(' ')
                .append(counts)
                .append('\n');
        b.append("watch records ")
                .append(events)
                .append(" over ")
                .append(history.watches().size())
                .append(" watchers; final reads ")
                .append(history.finals().size())
                .append('\n');
        b.append("faults: ").append(String.join("; ", faults)).append('\n');
        b.append(findings.isEmpty() ? "all checks passed" : findings.size() + " findings:");
        findings.stream().limit(20).forEach(f -> b.append("\n  ").append(f));
        return b.toString();
    }
}
