package dev.mvirt.vmm.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A VM as the daemon knows it: its spec, the observed phase with the reason for it, and its hypervisor process
 * while it has one.
 */
public record Vm(
        VmId id,
        VmSpec spec,
        Phase phase,
        String message,
        Optional<ProcessRef> process,
        String hypervisor,
        Instant createdAt,
        Instant phaseChangedAt) {

    /** The hypervisor process id, 0 when there is none. */
    public long pid() {
        return process.map(ProcessRef::pid).orElse(0L);
    }

    /** This VM in phase {@code next} because of {@code why}, with {@code proc} as its process, at {@code at}. */
    public Vm withPhase(Phase next, String why, Optional<ProcessRef> proc, Instant at) {
        return new Vm(id, spec, next, why, proc, hypervisor, createdAt, at);
    }
}
