package dev.mvirt.api.controller;

import java.util.List;

/**
 * What draining one node takes now, VM by VM, and — when the whole drain cannot proceed — why. Shown to operators
 * (the REST layer may answer a drain request with it) and executed by {@link DrainController}.
 */
public record DrainPlan(String nodeId, String refusal, List<Step> steps) {
    public DrainPlan {
        steps = List.copyOf(steps);
    }

    /** True when nothing is left to do and nothing was refused: every VM is moved away or stopped in place. */
    public boolean complete() {
        return refusal.isEmpty() && steps.stream().allMatch(s -> s instanceof Stay);
    }

    /** One VM's next step. */
    public sealed interface Step {
        /** The VM concerned. */
        String vmId();
    }

    /** Stop it (marking it to be started again wherever it ends up). */
    public record Stop(String vmId, long revision) implements Step {}

    /** It was stopped by its host; move it cold to another node. */
    public record Move(String vmId, long revision) implements Step {}

    /** Wait: the host has not reported it stopped yet. */
    public record Wait(String vmId, String reason) implements Step {}

    /** It stays, stopped, on the node; {@code reason} says why it cannot move. */
    public record Stay(String vmId, String reason) implements Step {}

    /** It left a draining node (or the drain was called off) and should run again. */
    public record Restart(String vmId, long revision) implements Step {}
}
