package dev.mvirt.api.rest;

import dev.mvirt.api.console.ClientEnd;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A console client over a WebSocket: guest output as binary frames; the end of the session as a close frame whose
 * reason says why (cut to the 123 bytes a close frame may carry). Sends are serialised.
 */
final class WsConsoleClient implements ClientEnd {
    /** Close code for a session the server ended normally (VM stopped, taken over). */
    static final int NORMAL = 1000;

    private final WsContext ws;
    private boolean closed;

    WsConsoleClient(WsContext ws) {
        this.ws = ws;
    }

    @Override
    public synchronized void output(byte[] data) {
        if (!closed && ws.session.isOpen()) {
            ws.send(ByteBuffer.wrap(data));
        }
    }

    @Override
    public synchronized void closed(String reason) {
        if (!closed) {
            closed = true;
            if (ws.session.isOpen()) {
                ws.closeSession(NORMAL, closeReason(reason));
            }
        }
    }

    /** {@code reason} cut to at most 123 UTF-8 bytes on a character boundary. */
    static String closeReason(String reason) {
        String r = reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
