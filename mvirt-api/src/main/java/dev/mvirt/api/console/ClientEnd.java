package dev.mvirt.api.console;

/**
 * The client side of a console session (the WebSocket). Called from gRPC or timer threads; implementations must not
 * block (queue the frame and return).
 */
public interface ClientEnd {
    /** Guest output. */
    void output(byte[] data);

    /** The session ended for {@code reason} (shown to the user); nothing follows. */
    void closed(String reason);
}
