package dev.mvirt.vmm.testing;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Test client of a hypervisor's console socket: collects output, waits for text, types. */
public final class SocketConsole implements AutoCloseable {
    private final SocketChannel ch;
    private final StringBuffer seen = new StringBuffer();

    private SocketConsole(SocketChannel ch) {
        this.ch = ch;
        Thread.ofVirtual().start(this::read);
    }

    /** Connects, retrying for up to 10 s while the socket appears. */
    public static SocketConsole connect(Path socket) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return new SocketConsole(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    public void type(String text) throws IOException {
        ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits until the output contains {@code text}; fails with what was seen. */
    public void await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("console never showed '" + text + "'; saw: " + seen);
            }
            Thread.sleep(20);
        }
    }

    public String seen() {
        return seen.toString();
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    private void read() {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        try {
            while (ch.read(buf) > 0) {
                buf.flip();
                seen.append(StandardCharsets.UTF_8.decode(buf));
                buf.clear();
            }
        } catch (IOException e) {
            // closed
        }
    }
}
