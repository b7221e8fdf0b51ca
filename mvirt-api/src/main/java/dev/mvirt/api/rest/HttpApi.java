package dev.mvirt.api.rest;

import dev.mvirt.api.console.ConsoleBroker;
import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.common.audit.AuditReader;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the REST API of one API server. Main wires it ({@code HttpApi.create(store, cluster, cfg).start()}) and
 * stops it on shutdown; tests do the same on port 0 and read {@code app.port()}.
 */
public final class HttpApi {
    private static final int RESPONSE_COPY_BUFFER = 4096;
    /** Platform threads for Jetty's acceptor, selectors and non-blocking tasks; requests run on virtual threads. */
    static final int MAX_PLATFORM_THREADS = 64;

    private static final int MIN_PLATFORM_THREADS = 4;
    private static final int IDLE_THREAD_MILLIS = 60_000;

    private HttpApi() {}

    /** The app without an audit log ({@code /api/v1/audit} answers 503), not started. */
    public static Javalin create(DataStore store, ClusterInfo cluster, ApiConfig cfg) {
        return create(store, cluster, cfg, AuditReader.unconfigured("this API server runs without --audit"));
    }

    /**
     * The app, configured but not started, listening on {@code cfg.host():cfg.port()} once started; {@code audit}
     * answers {@code /api/v1/audit} (the caller closes it).
     */
    public static Javalin create(DataStore store, ClusterInfo cluster, ApiConfig cfg, AuditReader audit) {
        return create(store, cluster, cfg, audit, new ConsoleBroker(ConsoleBroker.DEFAULT_OPEN_TIMEOUT));
    }

    /**
     * As above; VM consoles ({@code /api/v1/projects/P/vms/NAME/console}) go through {@code consoles}, the broker the
     * NodeService hands agents' console channels to (the caller closes it).
     */
    public static Javalin create(
            DataStore store, ClusterInfo cluster, ApiConfig cfg, AuditReader audit, ConsoleBroker consoles) {
        Json json = new Json(cfg.maxJsonDepth());
        TokenBook tokens = new TokenBook(json);
        Guard guard = new TokenGuard(store, tokens, cfg.clock());
        Env env = new Env(store, cluster, cfg, json, guard);
        ErrorMapper errors = new ErrorMapper(json);
        HttpMetrics metrics = new HttpMetrics(cfg.registry(), cluster);
        Streams streams = new Streams(cfg.maxStreamsPerToken());
        return Javalin.create(config -> {
            configure(config, cfg);
            config.requestLogger.http(metrics::record);
            config.events.serverStopping(streams::stop);
            config.routes.before(ErrorMapper::requestId);
            config.routes.exception(HttpResponseException.class, errors::handle);
            config.routes.exception(Exception.class, errors::handle);
            Routes r = new Routes(config.routes, guard);
            HealthRoutes.register(r, env);
            ProjectRoutes.register(r, env);
            NodeRoutes.register(r, env);
            NetworkRoutes.register(r, env);
            NicRoutes.register(r, env);
            VolumeRoutes.register(r, env);
            TemplateRoutes.register(r, env);
            SecurityGroupRoutes.register(r, env);
            VmRoutes.register(r, env);
            LockRoutes.register(r, env);
            ClusterRoutes.register(r, env);
            SettingsRoutes.register(r, env);
            EventRoutes.register(r, env, streams);
            TokenRoutes.register(r, env, tokens);
            JoinTokenRoutes.register(r, env);
            AuditRoutes.register(r, env, audit);
            ConsoleRoutes.register(config.routes, env, consoles);
        });
    }

    /**
     * Jetty's acceptor and selectors on platform threads, each request on a virtual thread of its own (Jetty's
     * recommended shape for virtual threads). Javalin's own pool for {@code useVirtualThreads} runs every Jetty task on
     * a virtual thread, the selectors' blocking {@code select} included, and cost more CPU per write (README, "Raft
     * timing": Jetty's threads, session 15).
     */
    static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_PLATFORM_THREADS, MIN_PLATFORM_THREADS, IDLE_THREAD_MILLIS);
        pool.setName("http");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("http-request-", 0).factory()));
        return pool;
    }

    private static void configure(JavalinConfig config, ApiConfig cfg) {
        config.jetty.host = cfg.host();
        config.jetty.port = cfg.port();
        config.http.maxRequestSize = cfg.maxBodyBytes();
        config.http.compressionStrategy = CompressionStrategy.NONE;
        // Javalin copies each response through a new buffer of this size (default 32 KiB: a third of the API
        // server's allocations at 64 writing clients); Jetty's own output buffer is pooled and not affected
        config.http.responseBufferSize = RESPONSE_COPY_BUFFER;
        config.concurrency.useVirtualThreads = true;
        config.jetty.threadPool = threadPool();
        config.startup.showJavalinBanner = false;
        if (!cfg.corsOrigins().isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                rule.exposeHeader("ETag");
                rule.exposeHeader("X-Request-Id");
                cfg.corsOrigins().forEach(rule::allowHost);
            }));
        }
    }
}
