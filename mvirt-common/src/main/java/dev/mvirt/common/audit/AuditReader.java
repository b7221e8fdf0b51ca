package dev.mvirt.common.audit;

/**
 * Reads the audit log back (the query side of mvirt-log). Thread-safe; each call blocks up to the
 * implementation's deadline.
 */
public interface AuditReader extends AutoCloseable {

    /**
     * One page of entries matching {@code query}.
     *
     * @throws AuditReadException when the service is not configured or unreachable ({@code UNAVAILABLE}) or refuses
     *     the query ({@code INVALID})
     */
    AuditPage query(AuditQuery query);

    /** Releases the connection. */
    @Override
    void close();

    /** A reader for a server started without an audit service: every query fails with {@code reason}. */
    static AuditReader unconfigured(String reason) {
        return new AuditReader() {
            @Override
            public AuditPage query(AuditQuery query) {
                throw new AuditReadException(AuditReadException.Reason.UNAVAILABLE, reason);
            }

            @Override
            public void close() {}
        };
    }
}
