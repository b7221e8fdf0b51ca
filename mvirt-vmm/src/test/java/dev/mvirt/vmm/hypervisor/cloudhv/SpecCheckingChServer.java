package dev.mvirt.vmm.hypervisor.cloudhv;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for cloud-hypervisor's API server on a unix socket that checks every request (path, method, JSON
 * body schema) against the project's copy of cloud-hypervisor's OpenAPI document, records it with the
 * violations found, and answers like cloud-hypervisor (400 with the violations for a bad request).
 * {@code vmm.shutdown} creates {@link #shutdownFlag()} so the fake VMM process can exit.
 */
final class SpecCheckingChServer implements AutoCloseable {
    /** One request as received, with the spec violations found (empty when valid). */
    record Seen(String method, String path, String body, List<String> violations) {}

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(spec()).build();
    private final ServerSocketChannel server;
    private final Path socket;
    private final Path shutdownFlag;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile String lastConfig = "{\"payload\":{}}";

    SpecCheckingChServer(Path dir) throws IOException {
        this.socket = dir.resolve("ch-spec.sock");
        this.shutdownFlag = dir.resolve("vmm-shutdown");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofVirtual().start(this::acceptLoop);
    }

    Path socket() {
        return socket;
    }

    Path shutdownFlag() {
        return shutdownFlag;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Validates one request against the spec; the messages of every error found. */
    static List<String> violations(String method, String path, String body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        if (!body.isEmpty()) {
            b.withBody(body).withContentType("application/json");
        }
        ValidationReport report = VALIDATOR.validateRequest(b.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                Thread.ofVirtual().start(() -> serve(ch));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            InputStream in = Channels.newInputStream(ch);
            String[] start = line(in).split(" ");
            int length = 0;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).strip());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            List<String> v = violations(start[0], start[1], body);
            seen.add(new Seen(start[0], start[1], body, v));
            answer(Channels.newOutputStream(ch), start[1], body, v);
        } catch (IOException e) {
            // the client went away
        }
    }

    private void answer(OutputStream out, String path, String body, List<String> violations) throws IOException {
        if (!violations.isEmpty()) {
            write(out, 400, String.join("; ", violations));
            return;
        }
        switch (path) {
            case "/api/v1/vmm.ping" -> write(out, 200, "{\"version\":\"v41.0\",\"pid\":1}");
            case "/api/v1/vm.info" -> write(out, 200, "{\"config\":" + lastConfig + ",\"state\":\"Running\"}");
            case "/api/v1/vm.create" -> {
                lastConfig = body;
                write(out, 204, "");
            }
            case "/api/v1/vmm.shutdown" -> {
                write(out, 204, "");
                Files.writeString(shutdownFlag, "");
            }
            default -> write(out, 204, "");
        }
    }

    private static void write(OutputStream out, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nServer: Cloud Hypervisor API\r\n"
                + (b.length > 0 ? "Content-Type: application/json\r\n" : "") + "Content-Length: " + b.length
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("eof");
            }
            if (c != '\r') {
                buf.write(c);
            }
        }
        return buf.toString(StandardCharsets.US_ASCII);
    }

    private static String spec() {
        try (InputStream in = Objects.requireNonNull(
                SpecCheckingChServer.class.getResourceAsStream("/cloud-hypervisor-openapi.yaml"), "spec resource")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
