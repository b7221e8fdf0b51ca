package dev.mvirt.api;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A console client over a real WebSocket (java.net.http): collects output bytes and the close reason. */
final class WsConsole implements AutoCloseable {
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket ws;

    /** A refused handshake: the HTTP status and the problem body. */
    record Refused(int status, String body) {}

    private WsConsole(URI uri, String token) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        ws = b.buildAsync(uri, new Listener()).join();
    }

    static WsConsole open(int port, String vm, String query, String token) {
        return new WsConsole(uri(port, vm, query), token);
    }

    /** A handshake the server refuses, sent over a raw socket so the problem body is read as sent. */
    static Refused refused(int port, String vm, String query, String token) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(15_000);
            String req = "GET " + uri(port, vm, query).getRawPath() + (query.isEmpty() ? "" : "?" + query)
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + (token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "\r\n";
            s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = readHead(s.getInputStream());
            int status = Integer.parseInt(answer.substring(9, 12));
            return new Refused(status, answer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads the status line, the headers and a Content-Length body. */
    private static String readHead(java.io.InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            sb.append((char) c);
            if (sb.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        var m = java.util.regex.Pattern.compile("(?i)content-length: *([0-9]+)").matcher(sb);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        byte[] body = in.readNBytes(length);
        return sb + new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static URI uri(int port, String vm, String query) {
        return URI.create("ws://127.0.0.1:" + port + "/api/v1/projects/default/vms/" + vm + "/console"
                + (query.isEmpty() ? "" : "?" + query));
    }

    void send(byte[] bytes) {
        ws.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void text(String json) {
        ws.sendText(json, true).join();
    }

    synchronized byte[] bytes() {
        return received.toByteArray();
    }

    String seen() {
        return new String(bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            synchronized (WsConsole.this) {
                received.writeBytes(b);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
            closed.complete(reason);
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            closed.complete("error: " + error);
        }
    }
}
