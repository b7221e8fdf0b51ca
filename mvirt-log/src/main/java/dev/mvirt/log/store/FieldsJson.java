package dev.mvirt.log.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** JSON text for the {@code fields} column and the object id list, so both stay readable with the sqlite3 CLI. */
final class FieldsJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private FieldsJson() {}

    static String write(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("string map not serializable", e);
        }
    }

    static Map<String, String> readMap(String json) {
        return "{}".equals(json) ? Map.of() : read(json, MAP);
    }

    static List<String> readList(String json) {
        return "[]".equals(json) ? List.of() : read(json, LIST);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("corrupt JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
