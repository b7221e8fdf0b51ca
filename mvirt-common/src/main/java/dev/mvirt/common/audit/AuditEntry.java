package dev.mvirt.common.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One audit log entry.
 *
 * @param id client-generated unique id; the service stores an entry with a known id only once, so a resend after a
 *     crash does not duplicate it
 * @param timestamp when it happened
 * @param component who writes it ({@code api}, {@code vmm}, ...)
 * @param actor who caused it (user, token or node name); empty for the system itself
 * @param objectIds every object id the entry concerns (VM, volume, network, node ...)
 * @param fields structured key/values ({@code project}, {@code outcome}, {@code revision} ...)
 * @throws IllegalArgumentException naming the field when a value is blank where required or over its limit
 */
public record AuditEntry(
        String id,
        Instant timestamp,
        AuditLevel level,
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

    public AuditEntry {
        requireText("id", id, MAX_ID, false);
        requireText("component", component, MAX_COMPONENT, false);
        requireText("actor", actor, MAX_ACTOR, true);
        requireText("message", message, MAX_MESSAGE, true);
        objectIds = List.copyOf(objectIds);
        fields = Map.copyOf(fields);
        if (objectIds.size() > MAX_OBJECTS) {
            throw new IllegalArgumentException("objectIds: more than " + MAX_OBJECTS);
        }
        objectIds.forEach(o -> requireText("objectIds", o, MAX_OBJECT_ID, false));
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("fields: more than " + MAX_FIELDS);
        }
        fields.forEach((k, v) -> {
            requireText("fields key", k, MAX_FIELD_KEY, false);
            requireText("fields[" + k + "]", v, MAX_FIELD_VALUE, true);
        });
    }

    /** Starts an entry with a fresh random id and the current time; {@code actor} defaults to empty. */
    public static Builder builder(AuditLevel level, String component, String message) {
        return new Builder(level, component, message);
    }

    /** Shorthand for {@code builder(AuditLevel.AUDIT, component, message)}: a state change. */
    public static Builder audit(String component, String message) {
        return builder(AuditLevel.AUDIT, component, message);
    }

    private static void requireText(String field, String value, int max, boolean emptyAllowed) {
        if (!emptyAllowed && value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": longer than " + max + " characters");
        }
    }

    /** Builds an {@link AuditEntry}; not thread-safe. */
    public static final class Builder {
        private final AuditLevel level;
        private final String component;
        private final String message;
        private String id = UUID.randomUUID().toString();
        private Clock clock = Clock.systemUTC();
        private Instant timestamp = Instant.EPOCH;
        private boolean timestampSet;
        private String actor = "";
        private final List<String> objectIds = new ArrayList<>();
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Builder(AuditLevel level, String component, String message) {
            this.level = level;
            this.component = component;
            this.message = message;
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder timestamp(Instant value) {
            this.timestamp = value;
            this.timestampSet = true;
            return this;
        }

        /** The clock used for the timestamp when none is set (tests inject a fixed one). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder actor(String value) {
            this.actor = value;
            return this;
        }

        public Builder object(String objectId) {
            objectIds.add(objectId);
            return this;
        }

        public Builder objects(List<String> ids) {
            objectIds.addAll(ids);
            return this;
        }

        public Builder field(String key, String value) {
            fields.put(key, value);
            return this;
        }

        public AuditEntry build() {
            Instant ts = timestampSet ? timestamp : clock.instant();
            return new AuditEntry(id, ts, level, component, actor, message, objectIds, fields);
        }
    }
}
