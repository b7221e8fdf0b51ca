package dev.mvirt.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A successful answer: its status, its JSON body (a missing node for 204) and its headers. */
public record Answer(int status, JsonNode body, Map<String, List<String>> headers) {
    /** The first value of header {@code name} (case-insensitive), or "". */
    public String header(String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return "";
    }
}
