package dev.mvirt.vmm.service;

import dev.mvirt.vmm.hypervisor.ProcessExit;
import dev.mvirt.vmm.model.Phase;

/** Decides the phase after a hypervisor process exits (pure). */
final class ExitPolicy {
    /** The phase and message to record. */
    record Outcome(Phase phase, String message) {}

    /** Why the daemon itself ended the process, if it did. */
    enum Request {
        NONE,
        STOP,
        KILL
    }

    private ExitPolicy() {}

    static Outcome after(ProcessExit exit, Request request) {
        return switch (request) {
            case STOP -> new Outcome(Phase.STOPPED, "stopped on request: " + exit.describe());
            case KILL -> new Outcome(Phase.STOPPED, "killed on request: " + exit.describe());
            case NONE ->
                exit.clean()
                        ? new Outcome(Phase.STOPPED, exit.describe())
                        : new Outcome(Phase.FAILED, "hypervisor process ended unexpectedly: " + exit.describe());
        };
    }
}
