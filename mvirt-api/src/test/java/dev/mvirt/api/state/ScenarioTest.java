package dev.mvirt.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Data-driven tests in the style of etcd raft's {@code datadriven}: each file under {@code scenarios/} is a list of
 * blocks
 *
 * <pre>
 * # comment
 * COMMAND ARGS...
 * ----
 * EXPECTED OUTPUT
 * </pre>
 *
 * separated by blank lines, run in order against one {@link ScenarioDriver}. Run with {@code
 * -Dscenarios.rewrite=true} (from the module directory) to write the actual outputs back into the files.
 */
class ScenarioTest {

    /** One block: its line in the file, the command line and the expected output. */
    record Block(int line, String command, String expected) {}

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException, URISyntaxException {
        Path dir = Path.of(
                Objects.requireNonNull(getClass().getResource("/scenarios")).toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
    }

    private static void run(Path file) throws IOException {
        List<Block> blocks = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        ScenarioDriver driver = new ScenarioDriver();
        boolean rewrite = Boolean.getBoolean("scenarios.rewrite");
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            String actual = driver.run(b.command());
            if (rewrite) {
                out.append(b.command()).append("\n----\n").append(actual).append("\n\n");
            } else {
                assertThat(actual)
                        .as("%s:%d %s", file.getFileName(), b.line(), b.command())
                        .isEqualTo(b.expected());
            }
        }
        if (rewrite) {
            Path src = Path.of("src/test/resources/scenarios")
                    .resolve(file.getFileName().toString());
            Files.writeString(
                    src,
                    header(Files.readAllLines(file, StandardCharsets.UTF_8))
                            + out.toString().strip() + "\n");
        }
    }

    /** The leading comment lines of a file, kept on rewrite. */
    private static String header(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            if (!l.startsWith("#")) {
                break;
            }
            b.append(l).append('\n');
        }
        return b.isEmpty() ? "" : b.append('\n').toString();
    }

    static List<Block> parse(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            if (i + 1 >= lines.size() || !lines.get(i + 1).equals("----")) {
                throw new IllegalArgumentException("line " + start + ": expected ---- after the command");
            }
            i += 2;
            List<String> expected = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                expected.add(lines.get(i));
                i++;
            }
            blocks.add(new Block(start, l, String.join("\n", expected)));
        }
        return blocks;
    }
}
