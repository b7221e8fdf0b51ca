package dev.mvirt.common.audit;

import java.util.ArrayList;
import java.util.List;

/** A test transport that can be switched down (retryable failures) or rejecting, and records what it accepted. */
final class ScriptedTransport implements AuditTransport {
    private final List<AuditEntry> accepted = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private volatile boolean down;
    private volatile boolean rejecting;
    private volatile boolean closed;
    private volatile int attempts;

    void down(boolean value) {
        down = value;
    }

    void rejecting(boolean value) {
        rejecting = value;
    }

    @Override
    public synchronized void send(List<AuditEntry> batch) {
        attempts++;
        if (down) {
            throw new AuditTransportException("UNAVAILABLE", true);
        }
        if (rejecting) {
            throw new AuditTransportException("INVALID_ARGUMENT", false);
        }
        accepted.addAll(batch);
        batchSizes.add(batch.size());
    }

    synchronized List<AuditEntry> accepted() {
        return List.copyOf(accepted);
    }

    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    int attempts() {
        return attempts;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
