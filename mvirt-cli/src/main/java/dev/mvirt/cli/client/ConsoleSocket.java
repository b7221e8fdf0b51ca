package dev.mvirt.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebSocket socket;
    private final CompletableFuture<String> closed;

    private ConsoleSocket(WebSocket socket, CompletableFuture<String> closed) {
        this.socket = socket;
        this.closed = closed;
    }

    /**
     * Connects.
     *
     * @throws ApiError with the handshake's HTTP status and the server's problem (code, detail) when it refuses:
     *     401/403 token, 404 no such VM (or no console endpoint), 409 VM not running, 503 host's agent not connected
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
                throw refusal(
                        h.getResponse().statusCode(),
                        String.valueOf(h.getResponse().body()));
            }
            throw new Unreachable("cannot open the console at " + ws + ": " + e.getCause(), e);
        }
    }

    /** The server's problem answer (code and detail) when the body is one, else the bare status. */
    static ApiError refusal(int status, String body) {
        JsonNode problem = MissingNode.getInstance();
        try {
            problem = body.isBlank() ? problem : JSON.readTree(body);
        } catch (IOException e) {
            // not a problem document: fall back to the status
        }
        String code = problem.path("code").asText("");
        String detail = problem.path("detail").asText("");
        return new ApiError(
                status,
                code.isEmpty() ? "http_" + status : code,
                detail.isEmpty() ? "the console handshake answered " + status : detail,
                problem.path("field").asText(""),
                Map.of());
    }

    /**
     * Tells the server the terminal's size (a text frame {@code {"type":"resize","cols":C,"rows":R}}). The guest's
     * serial port has no size channel: the size is recorded by the host; run {@code stty cols C rows R} in the guest.
     */
    public void resize(int cols, int rows) {
        if (cols > 0 && rows > 0 && !socket.isOutputClosed()) {
            try {
                socket.sendText("{\"type\":\"resize\",\"cols\":" + cols + ",\"rows\":" + rows + "}", true)
                        .join();
            } catch (CompletionException e) {
                // the session is ending; its close reason says why
            }
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
