package dev.mvirt.api;

import dev.mvirt.api.raft.Limits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/mvirt-api}: parses flags (or {@code --config FILE} of key=value lines) and runs an {@link ApiServer}. */
@Command(
        name = "mvirt-api",
        mixinStandardHelpOptions = true,
        description = "One mvirt control-plane server: a Raft peer with the REST API and NodeService.")
public final class Main implements Callable<Integer> {
    @Option(names = "--id", defaultValue = "api1", description = "this peer's id (default ${DEFAULT-VALUE})")
    String id = "api1";

    @Option(names = "--data-dir", description = "data directory (default .data/ID)")
    Optional<Path> dataDir = Optional.empty();

    @Option(names = "--raft", defaultValue = "127.0.0.1:6001", description = "Raft address HOST:PORT")
    String raft = "127.0.0.1:6001";

    @Option(names = "--http", defaultValue = "127.0.0.1:8080", description = "REST address HOST:PORT")
    String http = "127.0.0.1:8080";

    @Option(names = "--grpc", defaultValue = "127.0.0.1:50056", description = "NodeService address HOST:PORT")
    String grpc = "127.0.0.1:50056";

    @Option(names = "--peers", description = "ID=HOST:PORT,... every peer's Raft address (default: this peer alone)")
    Optional<String> peers = Optional.empty();

    @Option(names = "--admin-token-file", description = "where the admin token is written (0600) on first bootstrap")
    Optional<Path> adminTokenFile = Optional.empty();

    @Option(
            names = "--join-token-file",
            description = "agents' join token (created 0600 if missing; default DATA_DIR/join.token)")
    Optional<Path> joinTokenFile = Optional.empty();

    @Option(names = "--audit", defaultValue = "", description = "mvirt-log endpoint unix:PATH or HOST:PORT")
    String audit = "";

    @Option(
            names = "--limit",
            split = ",",
            paramLabel = "NAME=N",
            description = "a memory or batching limit of the Raft peer (repeatable): cached-segments, kept-outcomes,"
                    + " event-history, batch-in-flight, batch-commands, batch-bytes; defaults and meaning in the"
                    + " README, \"Raft timing\"")
    Map<String, String> limits = new LinkedHashMap<>();

    @Option(names = "--config", description = "a file of key=value lines with the same names as the flags")
    Optional<Path> config = Optional.empty();

    /** Entry point. */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setDefaultValueProvider(new ConfigFileDefaults(args));
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig cfg = new ServerConfig(
                id,
                dataDir.orElse(Path.of(".data", id)),
                raft,
                parsePeers(),
                http,
                grpc,
                adminTokenFile,
                joinTokenFile,
                audit,
                parseLimits());
        CountDownLatch stop = new CountDownLatch(1);
        try (ApiServer server = ApiServer.start(cfg)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "shutdown"));
            System.out.println(server.banner());
            stop.await();
        }
        return 0;
    }

    Limits parseLimits() {
        try {
            return Limits.DEFAULT.with(limits);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    private Map<String, String> parsePeers() {
        Map<String, String> out = new LinkedHashMap<>();
        if (peers.isEmpty()) {
            out.put(id, raft);
            return out;
        }
        for (String part : peers.get().split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "--peers: expected ID=HOST:PORT, got '" + part + "'");
            }
            out.put(part.substring(0, eq), part.substring(eq + 1));
        }
        if (!out.containsKey(id)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--peers must include this peer's id " + id);
        }
        return out;
    }
}
