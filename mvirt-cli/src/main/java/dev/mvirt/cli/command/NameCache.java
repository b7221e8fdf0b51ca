package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.ApiClient;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Lookup;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Resolves ids to names by listing a kind once per project; anything that fails shows the id. */
final class NameCache implements Lookup {
    private final Supplier<ApiClient> client;
    private final Map<String, Map<String, String>> names = new HashMap<>();

    NameCache(Supplier<ApiClient> client) {
        this.client = client;
    }

    @Override
    public String name(Noun noun, String project, String id) {
        String key = noun.name() + "/" + (noun.scoped() ? project : "");
        Map<String, String> byId = names.computeIfAbsent(key, k -> load(noun, project));
        return byId.getOrDefault(id, id);
    }

    private Map<String, String> load(Noun noun, String project) {
        Map<String, String> out = new HashMap<>();
        try {
            JsonNode list = client.get()
                    .get(noun.collection(project), Map.of("limit", "1000"))
                    .body();
            list.path("items")
                    .forEach(i -> out.put(i.path("id").asText(), i.path("name").asText()));
        } catch (RuntimeException e) {
            // names are a courtesy: show ids
        }
        return out;
    }
}
