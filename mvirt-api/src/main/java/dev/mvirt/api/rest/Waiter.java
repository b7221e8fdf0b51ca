package dev.mvirt.api.rest;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.ResourcePhase;
import dev.mvirt.api.model.TemplatePhase;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.state.ClusterState;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code GET ...?waitFor=PHASE&timeout=30s}: polls the local state until the resource's phase is PHASE, it fails,
 * or the (bounded) timeout passes. The answer says which in the {@code Mvirt-Condition} header.
 */
final class Waiter {
    static final Duration MAX = Duration.ofSeconds(120);
    private static final Pattern TIMEOUT = Pattern.compile("([0-9]{1,9})(ms|s|m)?");
    private static final Set<String> PHASES = Stream.of(
                    VmPhase.values(), ResourcePhase.values(), TemplatePhase.values(), NodePhase.values())
            .flatMap(Stream::of)
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());

    private Waiter() {}

    /** The resource once the condition holds or the wait ends; sets {@code Mvirt-Condition}. */
    static Resource<?, ?> await(Env env, Context ctx, Kind kind, Resource<?, ?> start) throws InterruptedException {
        String wanted = Fields.str(ctx.queryParam("waitFor")).toLowerCase(Locale.ROOT);
        if (!PHASES.contains(wanted)) {
            throw ApiException.invalid("waitFor", "must be a phase such as running, stopped or ready");
        }
        long deadline = System.nanoTime()
                + timeout(Fields.str(ctx.queryParam("timeout"))).toNanos();
        Resource<?, ?> r = start;
        while (true) {
            String phase = Views.phase(r).orElse("");
            String condition = phase.equals(wanted) ? "met" : phase.equals("failed") ? "failed" : "";
            if (condition.isEmpty() && System.nanoTime() >= deadline) {
                condition = "timeout";
            }
            if (!condition.isEmpty()) {
                ctx.header("Mvirt-Condition", condition);
                return r;
            }
            Thread.sleep(20);
            ClusterState s = env.store().read();
            r = s.get(kind, r.id()).orElseThrow(() -> ApiException.notFound(kind.plural() + " " + start.name()));
        }
    }

    private static Duration timeout(String text) {
        if (text.isEmpty()) {
            return Duration.ofSeconds(30);
        }
        Matcher m = TIMEOUT.matcher(text);
        if (!m.matches()) {
            throw ApiException.invalid("timeout", "a duration such as 30s, 500ms or 2m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
