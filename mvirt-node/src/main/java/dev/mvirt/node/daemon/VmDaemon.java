package dev.mvirt.node.daemon;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The host's hypervisor daemon (mvirt-vmm) as the VM reconciler uses it. Every method is idempotent where the
 * contract says so and may be called from any reconciler thread; failures are {@link DaemonException}s.
 */
public interface VmDaemon extends AutoCloseable {

    /** Observed phase of a VM process on this host. */
    enum Phase {
        STOPPED,
        STARTING,
        RUNNING,
        STOPPING,
        FAILED
    }

    /** A VM as the daemon reports it: phase, why (failure reason), and the hypervisor process id (0 none). */
    record VmState(String id, Phase phase, String message, long pid) {}

    /** A NIC of a VM: the TAP device and MAC. */
    record NicPort(String tap, String mac) {}

    /** Everything needed to define a VM on this host; disks are paths, NICs existing TAPs. */
    record Definition(
            String name,
            int vcpus,
            long memoryMib,
            String kernel,
            String initramfs,
            String cmdline,
            List<String> disks,
            List<NicPort> nics,
            String userData,
            List<String> sshKeys) {
        public Definition {
            disks = List.copyOf(disks);
            nics = List.copyOf(nics);
            sshKeys = List.copyOf(sshKeys);
        }
    }

    /** Receives a VM's console output; called on a daemon or gRPC thread, must not block. */
    interface ConsoleListener {
        /** Guest output (the replay first, then live output). */
        void output(byte[] data);

        /** The console ended for {@code reason} (VM stopped, not running here, daemon gone); nothing follows. */
        void ended(String reason);
    }

    /**
     * What a console attach asks for: {@code replayBytes} of recent output (0: the daemon's default), none with
     * {@code skipReplay}; the client's window size ({@code 0} unknown).
     */
    record ConsoleOptions(int replayBytes, boolean skipReplay, int cols, int rows) {}

    /**
     * An attached console. Thread-safe. A serial port has no out-of-band size channel: {@link #resize} records the
     * size on the daemon's session; the guest learns it only when its shell is told ({@code stty}).
     */
    interface Console extends AutoCloseable {
        /** Keystrokes for the guest. */
        void input(byte[] data);

        /** The client's window size changed. */
        void resize(int cols, int rows);

        /** Detaches; the listener hears nothing more. Idempotent. */
        @Override
        void close();
    }

    /**
     * Attaches {@code listener} to the serial console of VM {@code id}: the replay, then live output, until the VM
     * stops or {@link Console#close}. Failures to attach (unknown VM, not running) are reported through {@link
     * ConsoleListener#ended}, possibly before this returns.
     */
    Console console(String id, ConsoleOptions options, ConsoleListener listener);

    /** The VM {@code id}, if the daemon knows it. */
    Optional<VmState> get(String id);

    /** Every VM the daemon knows. */
    List<VmState> list();

    /** Defines VM {@code id} (not started); defining one that exists is not an error. */
    void create(String id, Definition definition);

    /** Starts it; starting a running VM is not an error. Answers the state after the start. */
    VmState start(String id);

    /** Stops it gracefully ({@code force} false: power button, then kill after the daemon's timeout) or at once. */
    VmState stop(String id, boolean force);

    /** Resets the guest of a running VM. */
    void reboot(String id);

    /** Removes it (killing it first); removing an unknown VM is not an error. */
    void delete(String id);

    /** Calls {@code changed} with a VM id whenever the daemon reports a change, until {@link #close}. */
    void watch(Consumer<String> changed);

    /** What the host offers: CPUs, memory and the hypervisor kinds it can run. */
    HostInfo info();

    @Override
    void close();
}
