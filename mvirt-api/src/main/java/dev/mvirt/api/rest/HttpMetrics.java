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
    private final java.util.concurrent.ConcurrentHashMap<Key, Timer> timers =
            new java.util.concurrent.ConcurrentHashMap<>();

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
        Key key = new Key(ctx.method().name(), route(ctx), ctx.statusCode());
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, this::timer);
        }
        timer.record(Duration.ofNanos((long) (millis * 1_000_000L)));
    }

    /**
     * Building and registering the timer on every request (tags sorted, id looked up) was a tenth of a follower's
     * allocations at 64 writing clients; the timers are few (routes × methods × statuses) and kept.
     */
    private Timer timer(Key key) {
        return Timer.builder("mvirt.http.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .register(registry);
    }

    private record Key(String method, String route, int status) {}

    private static String route(Context ctx) {
        try {
            var e = ctx.endpoints().lastHttpEndpoint();
            return e == null ? "unmatched" : e.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
