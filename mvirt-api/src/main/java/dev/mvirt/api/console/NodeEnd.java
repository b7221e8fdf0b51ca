package dev.mvirt.api.console;

/**
 * The agent side of a console session (its ConsoleSession call). Called from WebSocket threads; implementations
 * must not block.
 */
public interface NodeEnd {
    /** Keystrokes for the guest. */
    void input(byte[] data);

    /** The client's window size changed. */
    void resize(int cols, int rows);

    /** The client went away or the server ends the session for {@code reason}; nothing follows. */
    void close(String reason);
}
