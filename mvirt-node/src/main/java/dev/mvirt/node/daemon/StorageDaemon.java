package dev.mvirt.node.daemon;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The host's storage daemon (mvirt-zfs) as the volume and template reconcilers use it. Only a fake exists until
 * mvirt-zfs is built; every {@code ensure*} is idempotent (it converges, it does not fail because the thing
 * exists). Failures are {@link DaemonException}s.
 */
public interface StorageDaemon {

    /** A storage pool: name, total and free bytes. */
    record Pool(String name, long totalBytes, long freeBytes) {}

    /** What a volume should be: size, source template ("" empty), pool ("" default), snapshots, rollback request. */
    record VolumeRequest(
            long sizeBytes,
            String template,
            String pool,
            Set<String> snapshots,
            String rollbackTo,
            long rollbackGeneration) {
        public VolumeRequest {
            snapshots = Set.copyOf(snapshots);
        }
    }

    /** A volume on this host: where it is, how much it uses, the last rollback generation carried out. */
    record VolumeState(
            String id, String path, long sizeBytes, long usedBytes, Set<String> snapshots, long rollbackGeneration) {
        public VolumeState {
            snapshots = Set.copyOf(snapshots);
        }
    }

    /** A template import: phase (IMPORTING, READY, FAILED), bytes done and in total, and why it failed. */
    record TemplateState(String id, String phase, long progressBytes, long sizeBytes, String message) {}

    /** The pools the host offers. */
    List<Pool> pools();

    /** Creates, grows, snapshots or rolls back volume {@code id} until it matches {@code request}. */
    VolumeState ensureVolume(String id, VolumeRequest request);

    /** The volume, if it exists here. */
    Optional<VolumeState> volume(String id);

    /** Every volume here. */
    List<String> volumeIds();

    /** Destroys the volume; an unknown one is not an error. */
    void deleteVolume(String id);

    /** Starts or continues importing template {@code id} from {@code source} ({@code raw} or {@code qcow2}). */
    TemplateState ensureTemplate(String id, String source, String format);

    /** Every template here. */
    List<String> templateIds();

    /** Removes the template; an unknown one is not an error. */
    void deleteTemplate(String id);
}
