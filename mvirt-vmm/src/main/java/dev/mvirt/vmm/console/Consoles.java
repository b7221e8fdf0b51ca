package dev.mvirt.vmm.console;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consoles of all running VMs, by VM id. The service opens one when a VM starts or is adopted and closes it
 * when the process exits; the gRPC edge attaches clients. Logs live in each VM's directory and outlive the VM.
 */
public final class Consoles {
    private final long logLimitBytes;
    private final Map<String, VmConsole> open = new ConcurrentHashMap<>();

    public Consoles(long logLimitBytes) {
        this.logLimitBytes = logLimitBytes;
    }

    /** Connects to {@code socket} and keeps output in {@code logDir}; replaces an older console of the VM. */
    public VmConsole open(String vm, Path socket, Path logDir) {
        VmConsole c = new VmConsole(vm, socket, new ConsoleLog(logDir, logLimitBytes));
        VmConsole old = open.put(vm, c);
        if (old != null) {
            old.close();
        }
        c.startReader();
        return c;
    }

    public Optional<VmConsole> get(String vm) {
        return Optional.ofNullable(open.get(vm));
    }

    /** A closed console over the kept log only (a stopped VM): attach replays and ends at once. */
    public VmConsole history(String vm, Path logDir) {
        VmConsole c = new VmConsole(vm, logDir.resolve("none.sock"), new ConsoleLog(logDir, logLimitBytes));
        c.close();
        return c;
    }

    public void close(String vm) {
        VmConsole c = open.remove(vm);
        if (c != null) {
            c.close();
        }
    }

    public void closeAll() {
        open.keySet().forEach(this::close);
    }
}
