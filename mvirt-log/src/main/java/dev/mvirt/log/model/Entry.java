package dev.mvirt.log.model;

import java.util.List;
import java.util.Map;

/**
 * One log entry as a client sent it.
 *
 * @param entryId client-generated unique id; an entry whose id is already stored is not stored again
 * @param timestampNs nanoseconds since the Unix epoch
 * @param objectIds every object the entry concerns (kept sorted and without repeats)
 * @param fields structured key/values
 * @throws InvalidInputException naming the field when a value is blank where required or over its limit
 */
public record Entry(
        String entryId,
        long timestampNs,
        Level level,
        String component,
        String actor,
        String message,
        List<String> objectIds,
        Map<String, String> fields) {

    public static final int MAX_ID = 64;
    public static final int MAX_COMPONENT = 64;
    public static final int MAX_ACTOR = 256;
    public static final int MAX_MESSAGE = 16 * 1024;
    public static final int MAX_OBJECTS = 64;
    public static final int MAX_OBJECT_ID = 256;
    public static final int MAX_FIELDS = 64;
    public static final int MAX_FIELD_KEY = 128;
    public static final int MAX_FIELD_VALUE = 4096;

    public Entry {
        Text.require("entry_id", entryId, MAX_ID, false);
        Text.require("component", component, MAX_COMPONENT, false);
        Text.require("actor", actor, MAX_ACTOR, true);
        Text.require("message", message, MAX_MESSAGE, true);
        if (timestampNs < 0) {
            throw new InvalidInputException("timestamp_ns: must not be negative");
        }
        // a set in meaning: stored and returned sorted, without repeats
        objectIds = objectIds.stream().distinct().sorted().toList();
        fields = Map.copyOf(fields);
        if (objectIds.size() > MAX_OBJECTS) {
            throw new InvalidInputException("object_ids: more than " + MAX_OBJECTS);
        }
        objectIds.forEach(o -> Text.require("object_ids", o, MAX_OBJECT_ID, false));
        if (fields.size() > MAX_FIELDS) {
            throw new InvalidInputException("fields: more than " + MAX_FIELDS);
        }
        fields.forEach((k, v) -> {
            Text.require("fields key", k, MAX_FIELD_KEY, false);
            Text.require("fields value", v, MAX_FIELD_VALUE, true);
        });
    }
}
