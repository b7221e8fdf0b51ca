package dev.mvirt.node.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-memory hypervisor daemon: VMs start and stop at once, with made-up process ids. It outlives the agent that
 * uses it when the caller keeps it (like a real daemon across an agent restart). Tests can make the next start of a
 * VM fail ({@link #failNextStart}) or crash a running VM ({@link #crash}). Selected by {@code --vmm fake}.
 */
public final class FakeVmDaemon implements VmDaemon {
    private final Map<String, VmState> vms = new ConcurrentHashMap<>();
    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();
    private final Map<String, String> failStart = new ConcurrentHashMap<>();
    private final List<Consumer<String>> watchers = new CopyOnWriteArrayList<>();
    private final AtomicLong pids = new AtomicLong(10_000);
    private final AtomicLong starts = new AtomicLong();
    private final HostInfo info;
    private final FakeConsoles consoles = new FakeConsoles();

    /** A fake host with {@code info}'s capacity. */
    public FakeVmDaemon(HostInfo info) {
        this.info = info;
    }

    @Override
    public Optional<VmState> get(String id) {
        return Optional.ofNullable(vms.get(id));
    }

    @Override
    public List<VmState> list() {
        return new ArrayList<>(vms.values());
    }

    @Override
    public void create(String id, Definition definition) {
        definitions.putIfAbsent(id, definition);
        if (vms.putIfAbsent(id, new VmState(id, Phase.STOPPED, "", 0)) == null) {
            changed(id);
        }
    }

    @Override
    public synchronized VmState start(String id) {
        VmState s = require(id);
        if (s.phase() == Phase.RUNNING) {
            return s;
        }
        String failure = failStart.remove(id);
        VmState next = failure != null
                ? new VmState(id, Phase.FAILED, failure, 0)
                : new VmState(id, Phase.RUNNING, "", pids.incrementAndGet());
        if (failure == null) {
            starts.incrementAndGet();
        }
        return set(next);
    }

    @Override
    public synchronized VmState stop(String id, boolean force) {
        VmState s = require(id);
        return s.phase() == Phase.STOPPED ? s : set(new VmState(id, Phase.STOPPED, force ? "killed" : "", 0));
    }

    @Override
    public void reboot(String id) {
        if (require(id).phase() != Phase.RUNNING) {
            throw new DaemonException("VM " + id + " is not running");
        }
    }

    @Override
    public void delete(String id) {
        definitions.remove(id);
        consoles.ended(id, "the VM was deleted");
        if (vms.remove(id) != null) {
            changed(id);
        }
    }

    /** A behaving console: a banner on attach, input echoed to every attached console, a replay buffer. */
    @Override
    public Console console(String id, ConsoleOptions options, ConsoleListener listener) {
        VmState s = vms.get(id);
        if (s == null || s.phase() != Phase.RUNNING) {
            listener.ended("vm " + id + " is not running on this host");
            return new Console() {
                @Override
                public void input(byte[] data) {}

                @Override
                public void resize(int cols, int rows) {}

                @Override
                public void close() {}
            };
        }
        return consoles.attach(id, options, listener);
    }

    /** The window size the last console client of {@code id} reported, as {cols, rows}. */
    public Optional<int[]> consoleSize(String id) {
        return consoles.size(id);
    }

    @Override
    public void watch(Consumer<String> changed) {
        watchers.add(changed);
    }

    @Override
    public HostInfo info() {
        return info;
    }

    /** The definition VM {@code id} was created with. */
    public Optional<Definition> definition(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    /** The next start of {@code id} fails with {@code reason}. */
    public void failNextStart(String id, String reason) {
        failStart.put(id, reason);
    }

    /** The VM's process dies: it becomes FAILED with {@code reason}. */
    public synchronized void crash(String id, String reason) {
        set(new VmState(id, Phase.FAILED, reason, 0));
    }

    /** How many starts succeeded since this fake was made. */
    public long starts() {
        return starts.get();
    }

    /** Forgets every watcher (the agent that watched is gone). */
    @Override
    public void close() {
        watchers.clear();
    }

    private VmState require(String id) {
        VmState s = vms.get(id);
        if (s == null) {
            throw new DaemonException("VM " + id + " is not defined on this host");
        }
        return s;
    }

    private VmState set(VmState s) {
        vms.put(s.id(), s);
        if (s.phase() != Phase.RUNNING) {
            consoles.ended(s.id(), "the VM stopped");
        }
        changed(s.id());
        return s;
    }

    private void changed(String id) {
        watchers.forEach(w -> w.accept(id));
    }
}
