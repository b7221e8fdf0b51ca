package dev.mvirt.vmm.hypervisor.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.vmm.model.HypervisorException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A QMP connection on a unix socket: capabilities negotiated on connect, one command at a time, events handed
 * to a listener on the reader thread. {@link #closed()} completes when QEMU closes the socket (it exits).
 */
final class Qmp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final BufferedReader reader;
    private final ConcurrentLinkedQueue<CompletableFuture<JsonNode>> pending = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Consumer<JsonNode> events;

    private Qmp(SocketChannel channel, Consumer<JsonNode> events) {
        this.channel = channel;
        this.events = events;
        this.reader =
                new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    /** Connects, reads the greeting and negotiates capabilities; {@code events} receives every event object. */
    static Qmp connect(Path socket, Consumer<JsonNode> events) throws IOException {
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        Qmp qmp = new Qmp(ch, events);
        String greeting = qmp.reader.readLine();
        if (greeting == null || !greeting.contains("\"QMP\"")) {
            ch.close();
            throw new IOException("no QMP greeting on " + socket);
        }
        Thread.ofVirtual().name("qmp-" + socket.getFileName()).start(qmp::readLoop);
        try {
            qmp.execute("qmp_capabilities");
        } catch (HypervisorException e) {
            // QEMU closed the socket during negotiation (it is exiting, e.g. on a bad kernel)
            qmp.close();
            throw new IOException("QMP negotiation on " + socket + " failed: " + e.getMessage(), e);
        }
        return qmp;
    }

    /** Runs {@code command} without arguments and returns its "return" value. */
    synchronized JsonNode execute(String command) {
        ObjectNode request = JSON.createObjectNode().put("execute", command);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.add(answer);
        try {
            channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
            JsonNode reply = answer.get(10, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new HypervisorException("QMP " + command + " failed: " + reply.get("error"));
            }
            return reply.path("return");
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new HypervisorException("QMP " + command + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HypervisorException("interrupted during QMP " + command, e);
        } finally {
            pending.remove(answer);
        }
    }

    CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket whose peer is gone: nothing to do
        }
    }

    private void readLoop() {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                dispatch(JSON.readTree(line));
            }
        } catch (IOException e) {
            // the socket closed: QEMU exited or we closed it
        } finally {
            pending.forEach(f -> f.completeExceptionally(new IOException("QMP connection closed")));
            closed.complete(null);
        }
    }

    private void dispatch(JsonNode message) {
        if (message.has("event")) {
            events.accept(message);
            return;
        }
        CompletableFuture<JsonNode> next = pending.peek();
        if (next != null) {
            next.complete(message);
        }
    }
}
