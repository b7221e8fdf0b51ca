package dev.mvirt.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM flags a daemon ships with ({@code MODULE/jvm.flags}, which {@code bin/lib.sh} passes too), so the bench's
 * peers run as {@code bin/mvirt-api} does.
 */
final class JvmFlags {
    private JvmFlags() {}

    /** The flags of {@code module}, from its {@code jvm.flags} in the checkout that holds the working directory. */
    static List<String> of(String module) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(module).resolve("jvm.flags");
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        }
        throw new ClusterException("no " + module + "/jvm.flags in " + start + " or above: run from the checkout");
    }

    /** One flag per line; {@code #} starts a comment; blank lines are skipped. */
    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
