package dev.mvirt.vmm.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A VM's console output on disk, bounded: {@code console.log} grows to half the limit, then becomes
 * {@code console.log.1} (replacing the older one), so at most {@code limitBytes} are kept. Not thread-safe; the
 * owning {@link VmConsole} serialises access.
 */
final class ConsoleLog {
    private final Path current;
    private final Path previous;
    private final long segmentBytes;

    ConsoleLog(Path dir, long limitBytes) {
        this.current = dir.resolve("console.log");
        this.previous = dir.resolve("console.log.1");
        this.segmentBytes = Math.max(1, limitBytes / 2);
    }

    void append(byte[] data) {
        try {
            if (Files.exists(current) && Files.size(current) + data.length > segmentBytes) {
                Files.move(current, previous, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel ch = FileChannel.open(
                    current, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(data));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + current, e);
        }
    }

    /** The last {@code maxBytes} bytes kept (older segment first). */
    byte[] tail(int maxBytes) {
        byte[] older = read(previous);
        byte[] newer = read(current);
        byte[] all = new byte[older.length + newer.length];
        System.arraycopy(older, 0, all, 0, older.length);
        System.arraycopy(newer, 0, all, older.length, newer.length);
        int from = Math.max(0, all.length - maxBytes);
        byte[] out = new byte[all.length - from];
        System.arraycopy(all, from, out, 0, out.length);
        return out;
    }

    private static byte[] read(Path p) {
        try {
            return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
