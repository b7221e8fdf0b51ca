package dev.mvirt.node.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The launchers in {@code bin/} run {@code MODULE/target/MODULE-*.jar} with {@code target/classpath.txt} and only
 * build a module when its jar is missing. So an end-to-end test would silently run old code after a source change:
 * this check fails first, naming the stale modules and the command that rebuilds them. A reactor build ({@code
 * bin/test}) packages them before mvirt-node's integration tests. {@code -De2e.allowStaleJars=true} turns the
 * failure into a warning (for a tree where someone else is editing).
 */
final class LauncherJars {
    static final List<String> MODULES = List.of("mvirt-log", "mvirt-vmm", "mvirt-api", "mvirt-node", "mvirt-cli");

    private LauncherJars() {}

    static void assertCurrent() {
        List<String> stale = new ArrayList<>();
        for (String m : MODULES) {
            stale(m).ifPresent(stale::add);
        }
        if (stale.isEmpty()) {
            return;
        }
        String message = "the launchers would run old code: " + stale + "; rebuild with ./mvnw -o -q -pl "
                + String.join(",", MODULES) + " install -DskipTests -DskipITs";
        if (Boolean.getBoolean("e2e.allowStaleJars")) {
            System.out.println("e2e: WARNING " + message);
            return;
        }
        throw new AssertionError(message);
    }

    private static Optional<String> stale(String module) {
        Path target = Daemons.ROOT.resolve(module).resolve("target");
        Optional<Path> jar = jar(target);
        if (jar.isEmpty() || !Files.exists(target.resolve("classpath.txt"))) {
            return Optional.of(module + " (no jar or classpath.txt in " + target + ")");
        }
        FileTime built = mtime(jar.get());
        try (Stream<Path> files = Files.walk(Daemons.ROOT.resolve(module).resolve("src/main"))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> mtime(f).compareTo(built) > 0)
                    .findFirst()
                    .map(f -> module + " (" + Daemons.ROOT.relativize(f) + " is newer than "
                            + jar.get().getFileName() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> jar(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .filter(f -> !f.getFileName().toString().contains("-tests")
                            && !f.getFileName().toString().contains("-sources"))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime mtime(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
