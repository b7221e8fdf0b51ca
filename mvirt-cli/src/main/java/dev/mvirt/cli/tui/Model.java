package dev.mvirt.cli.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.Noun;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the TUI shows, written by the feed thread and read by the UI thread: resources by kind and id, the last
 * events, the cluster summary and whether the API is reachable. Every change bumps {@link #version()}.
 */
final class Model {
    private final Map<Noun, Map<String, JsonNode>> resources = new EnumMap<>(Noun.class);
    private final Deque<JsonNode> events = new ArrayDeque<>();
    private JsonNode cluster = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    private String audit = "loading";
    private boolean connected;
    private String problem = "connecting";
    private long version;

    synchronized long version() {
        return version;
    }

    /** Replaces all resources of {@code noun}. */
    synchronized void replace(Noun noun, List<JsonNode> items) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        items.forEach(i -> m.put(i.path("id").asText(), i));
        resources.put(noun, m);
        version++;
    }

    /** Applies one event from the stream; resources of other projects only show in the event feed. */
    synchronized void apply(JsonNode event, String project) {
        Noun.byPlural(event.path("kind").asText())
                .filter(noun -> !noun.scoped() || event.path("project").asText().equals(project))
                .ifPresent(noun -> {
                    JsonNode r = event.path("resource");
                    Map<String, JsonNode> m = resources.computeIfAbsent(noun, n -> new LinkedHashMap<>());
                    if (event.path("type").asText().equals("deleted")) {
                        m.remove(r.path("id").asText());
                    } else {
                        m.put(r.path("id").asText(), r);
                    }
                });
        events.addFirst(event);
        while (events.size() > 500) {
            events.removeLast();
        }
        version++;
    }

    /** The resources of {@code noun}, by name. */
    synchronized List<JsonNode> items(Noun noun) {
        List<JsonNode> out =
                new ArrayList<>(resources.getOrDefault(noun, Map.of()).values());
        out.sort(Comparator.comparing((JsonNode i) -> i.path("project").asText())
                .thenComparing(i -> i.path("name").asText()));
        return out;
    }

    synchronized List<JsonNode> events() {
        return List.copyOf(events);
    }

    synchronized void cluster(JsonNode c) {
        cluster = c;
        version++;
    }

    synchronized JsonNode cluster() {
        return cluster;
    }

    synchronized void audit(String text) {
        audit = text;
        version++;
    }

    synchronized String audit() {
        return audit;
    }

    /** Marks the API reachable, or not with the reason. */
    synchronized void connected(boolean up, String why) {
        if (connected != up || !problem.equals(why)) {
            connected = up;
            problem = why;
            version++;
        }
    }

    synchronized boolean connected() {
        return connected;
    }

    synchronized String problem() {
        return problem;
    }

    /** The name of {@code noun} with {@code id}, or the id. */
    synchronized String name(Noun noun, String id) {
        JsonNode r = resources.getOrDefault(noun, Map.of()).get(id);
        return r == null ? id : r.path("name").asText(id);
    }
}
