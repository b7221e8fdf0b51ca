package dev.mvirt.node.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The host's stable identity in its data dir: {@code node-id} (a UUID made on first start and never changed, so a
 * restarted agent is the same node) and {@code credential} (issued at registration; mode 0600). Thread-safe.
 */
public final class NodeIdentity {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path dir;
    private final String nodeId;

    private NodeIdentity(Path dir, String nodeId) {
        this.dir = dir;
        this.nodeId = nodeId;
    }

    /** Loads the identity from {@code dataDir}, creating the directory and the node id on first use. */
    public static NodeIdentity load(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path f = dataDir.resolve("node-id");
            if (!Files.exists(f)) {
                write(f, UUID.randomUUID().toString());
            }
            String id = Files.readString(f, StandardCharsets.UTF_8).strip();
            if (!UUID_TEXT.matcher(id).matches()) {
                throw new IllegalStateException(f + " does not hold a lowercase UUID; fix or remove it");
            }
            return new NodeIdentity(dataDir, id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the node identity in " + dataDir, e);
        }
    }

    /** The node id. */
    public String nodeId() {
        return nodeId;
    }

    /** The credential from the last registration, if any. */
    public synchronized Optional<String> credential() {
        Path f = dir.resolve("credential");
        try {
            return Files.exists(f)
                    ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** Keeps {@code credential} (mode 0600). */
    public synchronized void saveCredential(String credential) {
        try {
            write(dir.resolve("credential"), credential);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the credential in " + dir, e);
        }
    }

    private static void write(Path f, String text) throws IOException {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
