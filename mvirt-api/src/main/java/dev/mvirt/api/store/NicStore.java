package dev.mvirt.api.store;

import dev.mvirt.api.state.Command;
import java.util.concurrent.CompletableFuture;

/** NIC attachment. */
public interface NicStore extends StoreCore {

    /** Attaches NIC {@code nicId} to VM {@code vmId}. */
    default CompletableFuture<Outcome> attachNic(Caller caller, String nicId, String vmId, long expectedRevision) {
        return submit(new Command.AttachNic(nicId, vmId, expectedRevision), caller);
    }

    /** Detaches NIC {@code nicId}. */
    default CompletableFuture<Outcome> detachNic(Caller caller, String nicId, long expectedRevision) {
        return submit(new Command.DetachNic(nicId, expectedRevision), caller);
    }
}
