package dev.mvirt.api.rest;

import dev.mvirt.api.store.ClusterInfo;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Request counts and latencies per route and status, and the Raft positions this peer reports. */
final class HttpMetrics {
    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry, ClusterInfo cluster) {
        this.registry = registry;
        Gauge.builder("mvirt.cluster.term", cluster, ClusterInfo::term)
                .description("current Raft term")
                .register(registry);
        Gauge.builder("mvirt.cluster.commit.index", cluster, ClusterInfo::commitIndex)
                .description("highest committed log index")
                .register(registry);
        Gauge.builder("mvirt.cluster.applied.index", cluster, ClusterInfo::appliedIndex)
                .description("highest log index applied here")
                .register(registry);
        Gauge.builder("mvirt.cluster.ready", cluster, c -> c.ready() ? 1 : 0)
                .description("1 when this peer is ready")
                .register(registry);
    }

    /** Records one finished request (Javalin's request logger calls this). */
    void record(Context ctx, Float millis) {
        Timer.builder("mvirt.http.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000L)));
    }

    private static String route(Context ctx) {
        try {
            var e = ctx.endpoints().lastHttpEndpoint();
            return e == null ? "unmatched" : e.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
