package dev.mvirt.api.controller;

import dev.mvirt.api.store.ClusterInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Controller}s every period on an injected scheduler, only while {@code cluster} says this server is
 * the leader. Leadership changes (including a new term) are announced to each controller before its next tick.
 * Tests call {@link #runOnce} directly instead of scheduling.
 */
public final class ControllerLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControllerLoop.class);

    private final ClusterInfo cluster;
    private final List<Controller> controllers;
    private @Nullable ScheduledFuture<?> task;
    private boolean leading;
    private long term = -1;

    /** A loop over {@code controllers}; nothing runs until {@link #start} or {@link #runOnce}. */
    public ControllerLoop(ClusterInfo cluster, List<Controller> controllers) {
        this.cluster = cluster;
        this.controllers = List.copyOf(controllers);
    }

    /** Schedules {@link #runOnce} every {@code period} on {@code scheduler} (which the caller owns). */
    public synchronized ControllerLoop start(ScheduledExecutorService scheduler, Duration period) {
        task = scheduler.scheduleWithFixedDelay(
                this::runOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round: announce leadership changes, then tick every controller if leading. */
    public synchronized void runOnce() {
        boolean now = cluster.role() == ClusterInfo.Role.LEADER;
        long t = cluster.term();
        if (now != leading || (now && t != term)) {
            log.info("controllers leading={} term={}", now, t);
            controllers.forEach(c -> c.leadership(now));
            leading = now;
            term = t;
        }
        if (!now) {
            return;
        }
        for (Controller c : controllers) {
            try {
                c.tick();
            } catch (RuntimeException e) {
                log.warn(
                        "controller {} failed; retrying next period",
                        c.getClass().getSimpleName(),
                        e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
