package dev.mvirt.log;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.log.service.RetentionPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mvirt-log --socket PATH --data-dir DIR [--listen HOST:PORT]}: runs the audit log service. */
@Command(
        name = "mvirt-log",
        mixinStandardHelpOptions = true,
        version = LogServer.VERSION,
        description = "The mvirt audit log service: gRPC Log/Query over SQLite.")
public final class Main implements Callable<Integer> {
    static final int DEFAULT_TCP_PORT = 50052;

    @Option(names = "--socket", required = true, description = "unix socket to listen on (created 0660)")
    private String socket = "";

    @Option(names = "--data-dir", required = true, description = "directory of log.db")
    private String dataDir = "";

    @Option(names = "--listen", description = "also listen on TCP HOST[:PORT] (default port 50052)")
    private String listen = "";

    @Option(names = "--retention-days", defaultValue = "90", description = "delete entries older (0 = keep)")
    private int retentionDays;

    @Option(names = "--max-size-mb", defaultValue = "4096", description = "delete oldest above this (0 = no cap)")
    private long maxSizeMb;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("mvirt-log: " + e.getMessage());
            return 2;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint.Unix(Paths.check("--socket", socket, Paths.MAX_SOCKET)));
        if (!listen.isEmpty()) {
            endpoints.add(tcp(listen));
        }
        if (retentionDays < 0 || maxSizeMb < 0) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--retention-days and --max-size-mb must not be negative");
        }
        RetentionPolicy retention = new RetentionPolicy(
                Duration.ofDays(retentionDays), maxSizeMb * 1024 * 1024, 1000, Duration.ofSeconds(1));
        LogServer server = new LogServer(Paths.check("--data-dir", dataDir, 4096), endpoints, retention);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "log-shutdown"));
        server.awaitTermination();
        return 0;
    }

    static Endpoint tcp(String text) {
        boolean hasPort = text.lastIndexOf(':') > text.lastIndexOf(']');
        Endpoint e = Endpoint.parse(hasPort ? text : text + ":" + DEFAULT_TCP_PORT);
        if (!(e instanceof Endpoint.Tcp)) {
            throw new IllegalArgumentException("--listen: expected HOST[:PORT], got " + text);
        }
        return e;
    }
}
