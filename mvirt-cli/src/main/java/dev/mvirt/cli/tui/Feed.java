package dev.mvirt.cli.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.ApiError;
import dev.mvirt.cli.client.EventStream;
import dev.mvirt.cli.client.Noun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The TUI's background thread: lists every kind, then follows the event stream from that revision; on any failure
 * marks the model disconnected and starts over after a pause. Never touches the screen.
 */
final class Feed implements Runnable {
    private final ApiClient client;
    private final String project;
    private final Model model;
    private final AtomicReference<Optional<EventStream>> stream = new AtomicReference<>(Optional.<EventStream>empty());
    private volatile boolean stopped;

    Feed(ApiClient client, String project, Model model) {
        this.client = client;
        this.project = project;
        this.model = model;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                long revision = load();
                model.connected(true, "");
                follow(revision);
            } catch (RuntimeException e) {
                model.connected(false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            pause();
        }
    }

    /** Ends the thread (closes the stream it may be blocked on). */
    void stop() {
        stopped = true;
        Optional<EventStream> open = java.util.Objects.requireNonNull(stream.get());
        open.ifPresent(EventStream::close);
    }

    private long load() {
        long revision = 0;
        for (Noun n : Noun.values()) {
            if (n == Noun.LOCK) {
                continue;
            }
            JsonNode page =
                    client.get(n.collection(project), Map.of("limit", "1000")).body();
            List<JsonNode> items = new ArrayList<>();
            page.path("items").forEach(items::add);
            model.replace(n, items);
            revision = Math.max(revision, page.path("revision").asLong());
        }
        model.cluster(client.get("/api/v1/cluster"));
        loadAudit();
        return revision;
    }

    private void loadAudit() {
        try {
            JsonNode a = client.get("/api/v1/audit", Map.of("limit", "100")).body();
            model.audit(a.toPrettyString());
        } catch (ApiError e) {
            model.audit(
                    e.status() == 404
                            ? "The audit endpoint is not available on this server."
                            : String.valueOf(e.getMessage()));
        }
    }

    private void follow(long revision) {
        Map<String, String> q = new HashMap<>(Map.of("fromRevision", Long.toString(revision)));
        try (EventStream events = client.events(q)) {
            stream.set(Optional.of(events));
            if (stopped) {
                return;
            }
            long lastCluster = System.nanoTime();
            for (var m = events.next(); m.isPresent() && !stopped; m = events.next()) {
                if (m.get().event().equals("resync")) {
                    return;
                }
                model.apply(ApiClient.json().readTree(m.get().data()), project);
                if (System.nanoTime() - lastCluster > 2_000_000_000L) {
                    model.cluster(client.get("/api/v1/cluster"));
                    lastCluster = System.nanoTime();
                }
            }
            model.connected(false, "the event stream ended");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            model.connected(false, "unreadable event: " + e.getOriginalMessage());
        } catch (java.io.UncheckedIOException e) {
            model.connected(false, "the event stream broke");
        } finally {
            stream.set(Optional.empty());
        }
    }

    private void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
