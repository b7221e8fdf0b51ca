package dev.mvirt.log;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcServers;
import dev.mvirt.log.grpc.LogGrpcService;
import dev.mvirt.log.service.LogWriter;
import dev.mvirt.log.service.RetentionPolicy;
import dev.mvirt.log.store.SqliteLogStore;
import io.grpc.Server;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: store, writer and gRPC servers, wired. Closing stops them in reverse order. */
public final class LogServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogServer.class);
    static final String VERSION = "0.1.0";

    private final SqliteLogStore store;
    private final LogWriter writer;
    private final List<Server> servers = new ArrayList<>();

    /** Opens {@code dataDir/log.db} and listens on every endpoint. */
    public LogServer(Path dataDir, List<Endpoint> endpoints, RetentionPolicy retention) {
        this.store = SqliteLogStore.open(dataDir.resolve("log.db"), 4);
        this.writer = new LogWriter(store, LogWriter.Options.defaults(retention), Clock.systemUTC());
        LogGrpcService service = new LogGrpcService(writer, store, Clock.systemUTC(), VERSION);
        try {
            for (Endpoint e : endpoints) {
                servers.add(GrpcServers.start(e, service));
                log.info("mvirt-log listening endpoint={} db={}", e, dataDir.resolve("log.db"));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The TCP port of the {@code i}-th endpoint (for tests that listen on port 0). */
    public int port(int i) {
        return servers.get(i).getPort();
    }

    public LogWriter.Stats stats() {
        return writer.stats();
    }

    /** Blocks until the servers terminate. */
    public void awaitTermination() throws InterruptedException {
        for (Server s : servers) {
            s.awaitTermination();
        }
    }

    @Override
    public void close() {
        servers.forEach(Server::shutdown);
        // drains queued writes (their callers get acks) and ends follow streams, so the servers can terminate
        writer.close();
        for (Server s : servers) {
            try {
                if (!s.awaitTermination(5, TimeUnit.SECONDS)) {
                    s.shutdownNow();
                }
            } catch (InterruptedException e) {
                s.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        store.close();
        log.info("mvirt-log stopped");
    }
}
