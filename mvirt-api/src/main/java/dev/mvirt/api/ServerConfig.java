package dev.mvirt.api;

import dev.mvirt.api.raft.Limits;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one API server needs to start: its Raft identity and group, where it listens (HTTP, NodeService gRPC),
 * where the admin token goes on first bootstrap, the agents' join token file, the audit log endpoint ("" for
 * none), and the Raft peer's memory and batching {@link Limits}.
 */
public record ServerConfig(
        String id,
        Path dataDir,
        String raftAddress,
        Map<String, String> peers,
        String httpAddress,
        String grpcAddress,
        Optional<Path> adminTokenFile,
        Optional<Path> joinToken,
        String auditEndpoint,
        Limits limits) {

    /** The file holding the token agents join with: the flag's, or {@code DATA_DIR/join.token}. */
    public Path joinTokenFile() {
        return joinToken.orElse(dataDir.resolve("join.token"));
    }

    /** The admin token file: the flag's, or {@code DATA_DIR/admin.token}. */
    public Path tokenFile() {
        return adminTokenFile.orElse(dataDir.resolve("admin.token"));
    }
}
