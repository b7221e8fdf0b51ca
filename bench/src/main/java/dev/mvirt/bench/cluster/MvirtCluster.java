package dev.mvirt.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Three {@code mvirt-api} processes ({@code dev.mvirt.api.Main} on the given classpath) on loopback, each with its
 * own data directory under {@code dir}, ports picked free, and (when partitions are available) its own group id.
 */
public final class MvirtCluster extends ProcessCluster {
    /** JVM flags for each peer before mvirt-api's own ({@code mvirt-api/jvm.flags}): the JDK 25 flags mvirt needs. */
    private static final List<String> JDK_FLAGS =
            List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

    /** The peer's main class: {@code dev.mvirt.api.Main} unless {@code -Dbench.mvirt.main} names another. */
    static final String MAIN = System.getProperty("bench.mvirt.main", "dev.mvirt.api.Main");

    private final Path dir;
    private final Map<String, Path> tokenFiles = new LinkedHashMap<>();

    /** A cluster of {@code size} peers (not started) running {@code java} with {@code classpath}. */
    public MvirtCluster(Path dir, String java, String classpath, int size, boolean withPartitions) {
        this.dir = dir;
        Map<String, Integer> raftPorts = new LinkedHashMap<>();
        for (int i = 1; i <= size; i++) {
            raftPorts.put("api" + i, Ports.free());
        }
        StringBuilder peerList = new StringBuilder();
        raftPorts.forEach((id, port) -> peerList.append(peerList.isEmpty() ? "" : ",")
                .append(id)
                .append("=127.0.0.1:")
                .append(port));
        Map<String, Partitions.Member> members = new LinkedHashMap<>();
        List<String> shipped = JvmFlags.of("mvirt-api");
        int index = 0;
        for (var e : raftPorts.entrySet()) {
            String id = e.getKey();
            int http = Ports.free();
            Path data = mkdirs(dir.resolve(id));
            tokenFiles.put(id, data.resolve("admin.token"));
            List<String> argv = new ArrayList<>(List.of(java));
            argv.addAll(JDK_FLAGS);
            argv.addAll(shipped);
            argv.addAll(split("bench.mvirt.jvm", id));
            argv.addAll(List.of("-cp", classpath, MAIN, "--id", id, "--data-dir", data.toString()));
            argv.addAll(List.of("--raft", "127.0.0.1:" + e.getValue(), "--http", "127.0.0.1:" + http));
            argv.addAll(List.of("--grpc", "127.0.0.1:" + Ports.free(), "--peers", peerList.toString()));
            argv.addAll(List.of("--admin-token-file", tokenFiles.get(id).toString()));
            argv.addAll(split("bench.mvirt.args", id));
            Optional<Integer> gid = withPartitions ? Optional.of(Partitions.gidFor(index++)) : Optional.empty();
            gid.ifPresent(g -> members.put(id, new Partitions.Member(g, e.getValue())));
            add(new PeerProcess(id, argv, dir.resolve(id + ".log"), gid), URI.create("http://127.0.0.1:" + http));
        }
        if (withPartitions) {
            partitions(new Partitions(members));
        }
    }

    @Override
    public String name() {
        return "mvirt";
    }

    /**
     * Words of {@code property} (separated by spaces or {@code |}, since {@code BENCH_OPTS} itself is split on spaces;
     * {@code {id}} becomes the peer's id): {@code -Dbench.mvirt.jvm} has extra JVM flags for every peer, e.g.
     * {@code -XX:StartFlightRecording=delay=150s,duration=60s,filename=/tmp/{id}.jfr} to profile, and
     * {@code -Dbench.mvirt.args} extra {@code mvirt-api} arguments, e.g. {@code --limit|batch-in-flight=2}.
     */
    private static List<String> split(String property, String id) {
        String words = System.getProperty(property, "").strip();
        return words.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(words.split("[\\s|]+"))
                        .map(f -> f.replace("{id}", id))
                        .toList();
    }

    /**
     * The admin token the leading peer wrote on first bootstrap. Waits up to {@code timeout}; if none appeared, every
     * peer is restarted (up to twice) and the wait repeats: mvirt-api's bootstrap can miss the token when
     * leadership moves during start-up (every peer's bootstrap thread has returned by the time the final leader
     * is elected), and a restart runs it again.
     */
    public String adminToken(Duration timeout) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<String> t = waitForToken(timeout);
            if (t.isPresent()) {
                return t.get();
            }
            System.err.println("bench: no admin token after " + timeout + "; restarting every mvirt-api peer");
            ids().forEach(id -> peer(id).stop());
            start(Duration.ofSeconds(120));
        }
        throw new ClusterException("no admin token in " + dir + " after three starts");
    }

    private Optional<String> waitForToken(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Path f : tokenFiles.values()) {
                try {
                    if (Files.exists(f) && !Files.readString(f).isBlank()) {
                        return Optional.of(Files.readString(f).strip());
                    }
                } catch (IOException e) {
                    // written concurrently; try again
                }
            }
            sleep(100);
        }
        return Optional.empty();
    }

    @Override
    protected Optional<String> leaderSeenBy(String id) {
        return Json.get(http, clientUri(id).resolve("/health/ready?verbose"), 200)
                .map(j -> j.path("leader"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    @Override
    public java.util.OptionalLong term(String id) {
        return Json.get(http, clientUri(id).resolve("/health/ready?verbose"), 200)
                .map(j -> j.path("term"))
                .filter(JsonNode::isIntegralNumber)
                .map(t -> java.util.OptionalLong.of(t.asLong()))
                .orElse(java.util.OptionalLong.empty());
    }

    @Override
    protected boolean ready(String id) {
        return Json.get(http, clientUri(id).resolve("/health/ready"), 200).isPresent();
    }

    private static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p, e);
        }
    }
}
