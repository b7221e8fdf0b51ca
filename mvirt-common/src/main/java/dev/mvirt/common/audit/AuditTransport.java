package dev.mvirt.common.audit;

import java.util.List;

/**
 * Delivers a batch of entries to the audit service. Called only from the {@link AuditLogger} sender thread; may
 * block up to its own deadline.
 */
public interface AuditTransport extends AutoCloseable {

    /**
     * Sends {@code batch} and returns once the service acknowledged it as durable.
     *
     * @throws AuditTransportException when it was not acknowledged; {@link AuditTransportException#retryable()}
     *     says whether resending the same batch may succeed
     */
    void send(List<AuditEntry> batch);

    /** Releases the connection. */
    @Override
    void close();

    /** A batch was not acknowledged. */
    final class AuditTransportException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        public AuditTransportException(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        public AuditTransportException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
