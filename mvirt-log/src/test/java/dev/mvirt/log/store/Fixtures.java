package dev.mvirt.log.store;

import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.Level;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test entries. */
public final class Fixtures {
    private Fixtures() {}

    public static Entry entry(long tsNs, String message, String... objects) {
        return new Entry(
                UUID.randomUUID().toString(), tsNs, Level.AUDIT, "api", "alice", message, List.of(objects), Map.of());
    }

    public static Entry entry(Level level, String component, String actor, long tsNs, String message) {
        return new Entry(
                UUID.randomUUID().toString(), tsNs, level, component, actor, message, List.of(), Map.of("k", "v"));
    }
}
