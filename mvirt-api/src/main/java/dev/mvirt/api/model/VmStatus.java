package dev.mvirt.api.model;

/**
 * A VM's observed state: phase, the node it is placed on ("" before placement), a message (why it failed, why it
 * waits), the reboot generation the host has carried out, and the hypervisor process id on the host (0 unknown).
 */
public record VmStatus(VmPhase phase, String node, String message, long rebootGeneration, long pid) implements Status {
    @Override
    public Kind kind() {
        return Kind.VM;
    }

    /** A copy in {@code p} with {@code msg}. */
    public VmStatus withPhase(VmPhase p, String msg) {
        return new VmStatus(p, node, msg, rebootGeneration, pid);
    }
}
