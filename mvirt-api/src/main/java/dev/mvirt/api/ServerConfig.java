package dev.mvirt.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one API server needs to start: its Raft identity and group, where it listens (HTTP, NodeService gRPC),
 * where the admin token goes on first bootstrap, and the audit log endpoint ("" for none).
 */
public record ServerConfig(
        String id,
        Path dataDir,
        String raftAddress,
        Map<String, String> peers,
        String httpAddress,
        String grpcAddress,
        Optional<Path> adminTokenFile,
        String auditEndpoint) {

    /** The admin token file: the flag's, or {@code DATA_DIR/admin.token}. */
    public Path tokenFile() {
        return adminTokenFile.orElse(dataDir.resolve("admin.token"));
    }
}
