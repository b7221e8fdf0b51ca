package dev.mvirt.api.state;

import dev.mvirt.api.model.VmSpec;
import java.util.Map;

/**
 * Chooses a node for a VM. Called inside {@link ClusterState#apply} on the apply thread, so it must be pure and
 * deterministic: same state and spec, same answer. Implemented by the {@code scheduler} package.
 */
@FunctionalInterface
public interface Placer {

    /**
     * Places VM {@code vmId} with {@code spec} given the {@code state} before the VM is added (its own
     * reservation, when it already had one, is already taken out).
     */
    Decision place(ClusterState state, String vmId, VmSpec spec);

    /** The outcome of a placement. */
    sealed interface Decision {}

    /** Place it on {@code nodeId}. */
    record Placed(String nodeId) implements Decision {}

    /** No node fits; per node (name), why not. */
    record Unplaceable(Map<String, String> reasons) implements Decision {}
}
