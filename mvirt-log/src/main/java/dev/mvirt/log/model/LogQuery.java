package dev.mvirt.log.model;

import java.util.Set;

/**
 * What to read. An empty string, an empty set or 0 means "no constraint" for that filter.
 *
 * @param sinceNs inclusive lower bound on the timestamp
 * @param untilNs exclusive upper bound on the timestamp
 * @param textContains case-insensitive (ASCII) substring of the message
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param after exclusive start position: entries after it (oldest first) or before it ({@code newestFirst})
 * @throws InvalidInputException naming the field on a bad value
 */
public record LogQuery(
        String objectId,
        String component,
        String actor,
        Set<Level> levels,
        long sinceNs,
        long untilNs,
        String textContains,
        int limit,
        Cursor after,
        boolean newestFirst) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public LogQuery {
        levels = Set.copyOf(levels);
        Text.require("object_id", objectId, Entry.MAX_OBJECT_ID, true);
        Text.require("component", component, Entry.MAX_COMPONENT, true);
        Text.require("actor", actor, Entry.MAX_ACTOR, true);
        Text.require("text_contains", textContains, 1024, true);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit: must be between 1 and " + MAX_LIMIT);
        }
        if (sinceNs < 0 || untilNs < 0) {
            throw new InvalidInputException("since_ns/until_ns: must not be negative");
        }
    }

    /** Everything, oldest first, default page size. */
    public static LogQuery all() {
        return new LogQuery("", "", "", Set.of(), 0, 0, "", DEFAULT_LIMIT, new Cursor(0), false);
    }

    public LogQuery withAfter(Cursor cursor) {
        return new LogQuery(
                objectId, component, actor, levels, sinceNs, untilNs, textContains, limit, cursor, newestFirst);
    }

    public LogQuery withLimit(int value) {
        return new LogQuery(
                objectId, component, actor, levels, sinceNs, untilNs, textContains, value, after, newestFirst);
    }

    /** Whether {@code e} (stored at {@code seq}) matches every filter; the position is not checked. */
    public boolean matches(Entry e) {
        return (objectId.isEmpty() || e.objectIds().contains(objectId))
                && (component.isEmpty() || component.equals(e.component()))
                && (actor.isEmpty() || actor.equals(e.actor()))
                && (levels.isEmpty() || levels.contains(e.level()))
                && (sinceNs == 0 || e.timestampNs() >= sinceNs)
                && (untilNs == 0 || e.timestampNs() < untilNs)
                && (textContains.isEmpty() || asciiLower(e.message()).contains(asciiLower(textContains)));
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c)));
        return b.toString();
    }
}
