package dev.mvirt.api.console;

/**
 * One agent's ConsoleRequests stream to this API server: the broker asks through it for a session to be opened.
 * {@link #open} must not block.
 */
public interface ConsoleChannel {
    /** Asks the agent to open session {@code sessionId} for {@code request}. */
    void open(String sessionId, AttachRequest request);
}
