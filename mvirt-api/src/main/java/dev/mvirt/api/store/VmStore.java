package dev.mvirt.api.store;

import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.state.Command;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** VM power: start, stop (graceful or forced, i.e. kill), reboot; cold moves. The phase follows from the host's reports. */
public interface VmStore extends StoreCore {

    /** Wants the VM running. */
    default CompletableFuture<Outcome> start(Caller caller, String vmId, long expectedRevision) {
        return submit(
                new Command.SetVmPower(vmId, VmSpec.DesiredState.RUNNING, VmSpec.StopMode.GRACEFUL, expectedRevision),
                caller);
    }

    /** Wants the VM stopped, by ACPI power-down ({@code force} false) or at once. */
    default CompletableFuture<Outcome> stop(Caller caller, String vmId, boolean force, long expectedRevision) {
        VmSpec.StopMode mode = force ? VmSpec.StopMode.FORCE : VmSpec.StopMode.GRACEFUL;
        return submit(new Command.SetVmPower(vmId, VmSpec.DesiredState.STOPPED, mode, expectedRevision), caller);
    }

    /**
     * Moves a stopped VM cold to another node; {@code nodeSelector} narrows where (empty: any node that fits). See
     * {@link dev.mvirt.api.state.Moves} for when a VM may move.
     */
    default CompletableFuture<Outcome> move(
            Caller caller, String vmId, Map<String, String> nodeSelector, long expectedRevision) {
        return submit(new Command.MoveVm(vmId, expectedRevision, nodeSelector), caller);
    }

    /** Requests a reboot. */
    default CompletableFuture<Outcome> reboot(Caller caller, String vmId, long expectedRevision) {
        return submit(new Command.RebootVm(vmId, expectedRevision), caller);
    }
}
