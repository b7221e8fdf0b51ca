package dev.mvirt.api.store;

import dev.mvirt.api.model.Settings;
import dev.mvirt.api.state.Command;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Locks, settings and feature flags. */
public interface SystemStore extends StoreCore {

    /** Takes or renews lock {@code key} for {@code owner}; {@code id} names the lock if it is new. */
    default CompletableFuture<Outcome> acquireLock(Caller caller, String id, String key, String owner, long ttlMillis) {
        return submit(new Command.AcquireLock(id, key, owner, ttlMillis), caller);
    }

    /** Releases lock {@code key}. */
    default CompletableFuture<Outcome> releaseLock(Caller caller, String key, String owner) {
        return submit(new Command.ReleaseLock(key, owner), caller);
    }

    /** Removes expired locks (leader's controller). */
    default CompletableFuture<Outcome> expireLocks(Caller caller) {
        return submit(new Command.ExpireLocks(), caller);
    }

    /** Changes settings. */
    default CompletableFuture<Outcome> setSettings(Caller caller, Map<String, String> values) {
        return submit(new Command.SetSettings(values), caller);
    }

    /** The current settings. */
    default Settings settings() {
        return read().settings();
    }
}
