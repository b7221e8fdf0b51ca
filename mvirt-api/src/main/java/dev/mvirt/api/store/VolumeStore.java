package dev.mvirt.api.store;

import dev.mvirt.api.state.Command;
import java.util.concurrent.CompletableFuture;

/** Volume snapshots and rollback (resize is a spec update). */
public interface VolumeStore extends StoreCore {

    /** Adds snapshot {@code name}. */
    default CompletableFuture<Outcome> createSnapshot(Caller caller, String volumeId, String name) {
        return submit(new Command.CreateSnapshot(volumeId, name), caller);
    }

    /** Removes snapshot {@code name}. */
    default CompletableFuture<Outcome> deleteSnapshot(Caller caller, String volumeId, String name) {
        return submit(new Command.DeleteSnapshot(volumeId, name), caller);
    }

    /** Rolls the volume back to snapshot {@code name}. */
    default CompletableFuture<Outcome> rollback(Caller caller, String volumeId, String name) {
        return submit(new Command.RollbackVolume(volumeId, name), caller);
    }
}
