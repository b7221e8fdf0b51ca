package dev.mvirt.api.rest;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How the REST API listens and what it allows. {@code registry} is shared: other components (Raft) may register
 * their meters into it and {@code /metrics} shows them all. {@code corsOrigins} empty means CORS off.
 *
 * @param host listening address
 * @param port listening port (0 picks a free one)
 * @param registry the Prometheus registry served at {@code /metrics}
 * @param maxBodyBytes largest request body
 * @param maxJsonDepth deepest JSON nesting accepted
 * @param maxStreamsPerToken concurrent event streams per token
 * @param corsOrigins origins allowed by CORS
 * @param clock the edge's clock (command times, token expiry)
 * @param writeTimeout how long a write waits for commit before answering 503
 * @param heartbeat how often an idle event stream sends a comment (and notices a closed client)
 */
public record ApiConfig(
        String host,
        int port,
        PrometheusMeterRegistry registry,
        long maxBodyBytes,
        int maxJsonDepth,
        int maxStreamsPerToken,
        List<String> corsOrigins,
        Clock clock,
        Duration writeTimeout,
        Duration heartbeat) {

    public ApiConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Port 8080 on all interfaces, a new registry, 1 MiB bodies, depth 32, 8 streams per token, no CORS. */
    public static ApiConfig defaults() {
        return new ApiConfig(
                "0.0.0.0",
                8080,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                1 << 20,
                32,
                8,
                List.of(),
                Clock.systemUTC(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(15));
    }

    /** A copy listening on {@code newHost}:{@code newPort}. */
    public ApiConfig withAddress(String newHost, int newPort) {
        return new ApiConfig(
                newHost,
                newPort,
                registry,
                maxBodyBytes,
                maxJsonDepth,
                maxStreamsPerToken,
                corsOrigins,
                clock,
                writeTimeout,
                heartbeat);
    }

    /** A copy using {@code newRegistry} for {@code /metrics}. */
    public ApiConfig withRegistry(PrometheusMeterRegistry newRegistry) {
        return new ApiConfig(
                host,
                port,
                newRegistry,
                maxBodyBytes,
                maxJsonDepth,
                maxStreamsPerToken,
                corsOrigins,
                clock,
                writeTimeout,
                heartbeat);
    }

    /** A copy with other limits. */
    public ApiConfig withLimits(long bodyBytes, int jsonDepth, int streamsPerToken) {
        return new ApiConfig(
                host,
                port,
                registry,
                bodyBytes,
                jsonDepth,
                streamsPerToken,
                corsOrigins,
                clock,
                writeTimeout,
                heartbeat);
    }

    /** A copy allowing CORS from {@code origins}. */
    public ApiConfig withCors(List<String> origins) {
        return new ApiConfig(
                host,
                port,
                registry,
                maxBodyBytes,
                maxJsonDepth,
                maxStreamsPerToken,
                origins,
                clock,
                writeTimeout,
                heartbeat);
    }

    /** A copy with another clock and stream heartbeat (tests). */
    public ApiConfig withTiming(Clock newClock, Duration newWriteTimeout, Duration newHeartbeat) {
        return new ApiConfig(
                host,
                port,
                registry,
                maxBodyBytes,
                maxJsonDepth,
                maxStreamsPerToken,
                corsOrigins,
                newClock,
                newWriteTimeout,
                newHeartbeat);
    }
}
