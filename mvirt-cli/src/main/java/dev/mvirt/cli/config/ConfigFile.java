package dev.mvirt.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code config.yaml}: the remotes and the current one. Lives in {@code $XDG_CONFIG_HOME/mvirt/} or
 * {@code $HOME/.config/mvirt/}; written atomically, 0600 in a 0700 directory, since it holds tokens.
 */
public final class ConfigFile {
    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .build();

    /** The contents: the current remote ("" for none) and the remotes by name. */
    public record Contents(String current, Map<String, Remote> remotes) {
        public Contents {
            remotes = Map.copyOf(new TreeMap<>(remotes));
        }
    }

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    /** The file for this environment ({@code XDG_CONFIG_HOME}, else {@code HOME}). */
    public static ConfigFile locate(Map<String, String> env) {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path base = !xdg.isEmpty()
                ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return new ConfigFile(base.resolve("mvirt").resolve("config.yaml"));
    }

    public Path path() {
        return path;
    }

    /** The contents; empty when the file does not exist. */
    public Contents read() {
        if (!Files.exists(path)) {
            return new Contents("", Map.of());
        }
        try {
            JsonNode root = YAML.readTree(path.toFile());
            Map<String, Remote> remotes = new TreeMap<>();
            root.path("remotes")
                    .properties()
                    .forEach(e -> remotes.put(
                            e.getKey(),
                            new Remote(
                                    e.getValue().path("endpoint").asText(""),
                                    e.getValue().path("token").asText(""),
                                    e.getValue().path("project").asText(""))));
            return new Contents(root.path("current").asText(""), remotes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the file with {@code c}: written to a 0600 temporary file, then moved over the old one. */
    public void write(Contents c) {
        ObjectNode root = YAML.createObjectNode();
        root.put("current", c.current());
        ObjectNode remotes = root.putObject("remotes");
        c.remotes().forEach((name, r) -> {
            ObjectNode n = remotes.putObject(name);
            n.put("endpoint", r.endpoint());
            if (!r.token().isEmpty()) {
                n.put("token", r.token());
            }
            if (!r.project().isEmpty()) {
                n.put("project", r.project());
            }
        });
        try {
            Path dir = java.util.Objects.requireNonNull(path.toAbsolutePath().getParent());
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path tmp = Files.createTempFile(
                    dir,
                    ".config",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                YAML.writeValue(tmp.toFile(), root);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
