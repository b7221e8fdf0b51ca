package dev.mvirt.node.daemon;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The serial consoles of {@link FakeVmDaemon}'s VMs: every attach prints a banner, input is echoed (like a tty) to
 * every attached console of the VM, and the last {@link #KEPT} bytes of output are kept for replay. Thread-safe.
 */
final class FakeConsoles {
    /** Output kept per VM for replay. */
    static final int KEPT = 64 * 1024;

    private final Map<String, ByteArrayOutputStream> kept = new ConcurrentHashMap<>();
    private final Map<String, List<Attached>> attached = new ConcurrentHashMap<>();
    private final Map<String, int[]> sizes = new ConcurrentHashMap<>();

    /** One attached client. */
    private final class Attached implements VmDaemon.Console {
        final String vm;
        final VmDaemon.ConsoleListener listener;

        Attached(String vm, VmDaemon.ConsoleListener listener) {
            this.vm = vm;
            this.listener = listener;
        }

        @Override
        public void input(byte[] data) {
            List<Attached> list = attached.get(vm);
            if (list != null && list.contains(this)) {
                emit(vm, data);
            }
        }

        @Override
        public void resize(int cols, int rows) {
            sizes.put(vm, new int[] {cols, rows});
        }

        @Override
        public void close() {
            List<Attached> list = attached.get(vm);
            if (list != null) {
                list.remove(this);
            }
        }
    }

    /** Attaches to running VM {@code vm}: replay, then a banner to every attached console. */
    synchronized VmDaemon.Console attach(String vm, VmDaemon.ConsoleOptions o, VmDaemon.ConsoleListener l) {
        Attached a = new Attached(vm, l);
        byte[] all = buffer(vm).toByteArray();
        int n = o.skipReplay() ? 0 : Math.min(all.length, o.replayBytes() == 0 ? KEPT : o.replayBytes());
        if (n > 0) {
            l.output(Arrays.copyOfRange(all, all.length - n, all.length));
        }
        if (o.cols() > 0 && o.rows() > 0) {
            a.resize(o.cols(), o.rows());
        }
        attached.computeIfAbsent(vm, k -> new CopyOnWriteArrayList<>()).add(a);
        emit(vm, ("[fake console of vm " + vm + "]\r\n").getBytes(StandardCharsets.UTF_8));
        return a;
    }

    /** The VM stopped: every attached console ends. */
    void ended(String vm, String reason) {
        List<Attached> list = attached.remove(vm);
        if (list != null) {
            list.forEach(a -> a.listener.ended(reason));
        }
    }

    /** The last window size a client reported for {@code vm}, as {cols, rows}. */
    Optional<int[]> size(String vm) {
        return Optional.ofNullable(sizes.get(vm)).map(int[]::clone);
    }

    private synchronized void emit(String vm, byte[] data) {
        ByteArrayOutputStream b = buffer(vm);
        b.writeBytes(data);
        if (b.size() > 2 * KEPT) {
            byte[] all = b.toByteArray();
            b.reset();
            b.writeBytes(Arrays.copyOfRange(all, all.length - KEPT, all.length));
        }
        for (Attached a : attached.getOrDefault(vm, List.of())) {
            a.listener.output(data);
        }
    }

    private ByteArrayOutputStream buffer(String vm) {
        return kept.computeIfAbsent(vm, k -> new ByteArrayOutputStream());
    }
}
