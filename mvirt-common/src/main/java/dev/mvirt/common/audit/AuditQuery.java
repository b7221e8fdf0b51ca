package dev.mvirt.common.audit;

/**
 * What to read from the audit log; an empty string or 0 means "no constraint" for that filter.
 *
 * @param objectId only entries naming this object id
 * @param actor only entries caused by this actor
 * @param sinceNs inclusive lower bound on the timestamp, nanoseconds since the epoch
 * @param untilNs exclusive upper bound on the timestamp
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param cursor where to continue: the {@link AuditPage#nextCursor()} of the previous page with the same filter
 * @param newestFirst newest entries first (paging then goes back in time)
 * @throws IllegalArgumentException naming the field on a bad value
 */
public record AuditQuery(
        String objectId, String actor, long sinceNs, long untilNs, int limit, String cursor, boolean newestFirst) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT);
        }
        if (sinceNs < 0 || untilNs < 0) {
            throw new IllegalArgumentException("since/until: must not be negative");
        }
        if (objectId.length() > AuditEntry.MAX_OBJECT_ID || actor.length() > AuditEntry.MAX_ACTOR) {
            throw new IllegalArgumentException(
                    (objectId.length() > AuditEntry.MAX_OBJECT_ID ? "object" : "actor") + ": too long");
        }
    }

    /** Everything, newest first, default page size. */
    public static AuditQuery newest() {
        return new AuditQuery("", "", 0, 0, DEFAULT_LIMIT, "", true);
    }

    /** A copy starting at {@code next} (a previous page's {@link AuditPage#nextCursor()}). */
    public AuditQuery from(String next) {
        return new AuditQuery(objectId, actor, sinceNs, untilNs, limit, next, newestFirst);
    }

    /** A copy with page size {@code value}. */
    public AuditQuery withLimit(int value) {
        return new AuditQuery(objectId, actor, sinceNs, untilNs, value, cursor, newestFirst);
    }
}
