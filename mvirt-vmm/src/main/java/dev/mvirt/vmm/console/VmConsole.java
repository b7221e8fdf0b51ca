package dev.mvirt.vmm.console;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running VM's serial console: a reader thread holds the connection to the hypervisor's console socket
 * (reconnecting while the VM runs), appends every byte to the bounded {@link ConsoleLog}, and hands it to the
 * attached listeners. Attaching replays the log's tail with no gap or duplicate against live output.
 */
public final class VmConsole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VmConsole.class);
    private final String vm;
    private final Path socket;
    private final ConsoleLog log;
    private final List<ConsoleListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile @Nullable WindowSize size;
    private @Nullable SocketChannel channel;

    VmConsole(String vm, Path socket, ConsoleLog log) {
        this.vm = vm;
        this.socket = socket;
        this.log = log;
    }

    void startReader() {
        Thread.ofVirtual().name("console-" + vm).start(this::readLoop);
    }

    /** Replays up to {@code replayBytes} of kept output to {@code l}, then streams live output to it. */
    public synchronized void attach(ConsoleListener l, int replayBytes) {
        byte[] replay = log.tail(replayBytes);
        if (replay.length > 0) {
            l.output(replay);
        }
        if (closed) {
            l.ended();
            return;
        }
        listeners.add(l);
    }

    public void detach(ConsoleListener l) {
        listeners.remove(l);
    }

    /** Sends keystrokes to the guest; false when the console is not connected (waits up to 2 s for it). */
    public boolean input(byte[] data) {
        SocketChannel ch = channel;
        for (int i = 0; ch == null && !closed && i < 100; i++) {
            pause(20);
            ch = channel;
        }
        if (ch == null) {
            return false;
        }
        try {
            synchronized (ch) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Records the window size of the client that last reported one. Nothing reaches the guest: a serial port has no
     * size channel (see {@link WindowSize}).
     */
    public void resize(WindowSize newSize) {
        size = newSize;
        LOG.debug("console window size vm={} cols={} rows={}", vm, newSize.cols(), newSize.rows());
    }

    /** The last window size a client reported, if any. */
    public Optional<WindowSize> size() {
        return Optional.ofNullable(size);
    }

    /** True while connected to the hypervisor's console socket. */
    public boolean connected() {
        return channel != null;
    }

    @Override
    public void close() {
        closed = true;
        closeChannel();
        synchronized (this) {
            listeners.forEach(ConsoleListener::ended);
            listeners.clear();
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (!closed) {
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                channel = ch;
                for (int n = ch.read(buf); n >= 0 && !closed; n = ch.read(buf)) {
                    deliver(Arrays.copyOf(buf.array(), n));
                    buf.clear();
                }
            } catch (IOException e) {
                // not up yet, or the hypervisor went away: retry while the VM runs
            } finally {
                channel = null;
            }
            pause(100);
        }
        LOG.debug("console reader ended vm={}", vm);
    }

    private synchronized void deliver(byte[] data) {
        if (data.length == 0) {
            return;
        }
        log.append(data);
        for (ConsoleListener l : listeners) {
            l.output(data);
        }
    }

    private void closeChannel() {
        SocketChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
