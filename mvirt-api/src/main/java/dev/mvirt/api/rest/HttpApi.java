package dev.mvirt.api.rest;

import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.api.store.DataStore;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;

/**
 * Builds the REST API of one API server. Main wires it ({@code HttpApi.create(store, cluster, cfg).start()}) and
 * stops it on shutdown; tests do the same on port 0 and read {@code app.port()}.
 */
public final class HttpApi {
    private HttpApi() {}

    /** The app, configured but not started, listening on {@code cfg.host():cfg.port()} once started. */
    public static Javalin create(DataStore store, ClusterInfo cluster, ApiConfig cfg) {
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
        });
    }

    private static void configure(JavalinConfig config, ApiConfig cfg) {
        config.jetty.host = cfg.host();
        config.jetty.port = cfg.port();
        config.http.maxRequestSize = cfg.maxBodyBytes();
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.concurrency.useVirtualThreads = true;
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
