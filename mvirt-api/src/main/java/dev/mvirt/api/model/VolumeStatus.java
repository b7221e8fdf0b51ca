package dev.mvirt.api.model;

/**
 * What the host reports for a volume: phase, node, the device or file path, used bytes, the rollback generation
 * it has carried out, and a message on failure.
 */
public record VolumeStatus(
        ResourcePhase phase, String node, String path, long usedBytes, long rollbackGeneration, String message)
        implements Status {
    @Override
    public Kind kind() {
        return Kind.VOLUME;
    }
}
