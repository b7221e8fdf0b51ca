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
