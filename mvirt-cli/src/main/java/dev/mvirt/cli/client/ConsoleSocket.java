package dev.mvirt.cli.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A VM's serial console over the API's WebSocket ({@code /api/v1/projects/P/vms/NAME/console}): bytes both ways.
 * Output arrives on the WebSocket's thread through {@code output}; {@link #closed()} completes when the server
 * ends the session (with its reason) or the connection breaks.
 */
public final class ConsoleSocket implements AutoCloseable {
    private final WebSocket socket;
    private final CompletableFuture<String> closed;

    private ConsoleSocket(WebSocket socket, CompletableFuture<String> closed) {
        this.socket = socket;
        this.closed = closed;
    }

    /**
     * Connects.
     *
     * @throws ApiError with the handshake's HTTP status when the server refuses (404: no console endpoint)
     * @throws Unreachable when the server cannot be reached
     */
    public static ConsoleSocket open(ApiClient api, String path, Map<String, String> query, Consumer<byte[]> output) {
        URI http = api.uri(path, query);
        URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (!api.connection().token().isEmpty()) {
            b.header("Authorization", "Bearer " + api.connection().token());
        }
        try {
            WebSocket socket = b.buildAsync(ws, new Listener(output, closed)).join();
            return new ConsoleSocket(socket, closed);
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                int status = h.getResponse().statusCode();
                throw new ApiError(status, "http_" + status, "the console handshake answered " + status, "", Map.of());
            }
            throw new Unreachable("cannot open the console at " + ws + ": " + e.getCause(), e);
        }
    }

    /** Sends input bytes to the console. */
    public void send(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Completes with the reason when the session ends. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "detached").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // already gone
            }
        }
        socket.abort();
    }

    private record Listener(Consumer<byte[]> output, CompletableFuture<String> closed) implements WebSocket.Listener {
        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            output.accept(bytes);
            ws.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            output.accept(data.toString().getBytes(StandardCharsets.UTF_8));
            ws.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(reason.isEmpty() ? "closed by the server (" + status + ")" : reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("connection lost: " + error.getMessage());
        }
    }
}
