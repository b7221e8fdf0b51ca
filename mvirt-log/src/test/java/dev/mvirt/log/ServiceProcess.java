package dev.mvirt.log;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import dev.mvirt.proto.v1.PingRequest;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** mvirt-log started as its own JVM on the module's built classpath, so a test can kill -9 it. */
final class ServiceProcess implements AutoCloseable {
    private final Process process;

    private ServiceProcess(Process process) {
        this.process = process;
    }

    /** Starts the service and waits until it answers Ping. */
    static ServiceProcess start(Path socket, Path dataDir, Path logFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-cp",
                classpath(),
                Main.class.getName(),
                "--socket",
                socket.toString(),
                "--data-dir",
                dataDir.toString());
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            ServiceProcess sp = new ServiceProcess(p);
            sp.awaitReady(new Endpoint.Unix(socket));
            return sp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath() {
        try {
            return Path.of("target/classes").toAbsolutePath() + ":"
                    + Files.readString(Path.of("target/test-classpath.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("run through Maven: target/test-classpath.txt is missing", e);
        }
    }

    private void awaitReady(Endpoint endpoint) {
        ManagedChannel ch = GrpcChannels.open(endpoint);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mvirt-log exited with " + process.exitValue());
                }
                try {
                    LogServiceGrpc.newBlockingStub(ch)
                            .withDeadlineAfter(1, TimeUnit.SECONDS)
                            .ping(PingRequest.getDefaultInstance());
                    return;
                } catch (StatusRuntimeException e) {
                    sleep(100);
                }
            }
            throw new IllegalStateException("mvirt-log did not answer within 60 s");
        } finally {
            ch.shutdownNow();
        }
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a clean stop through the shutdown hook. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
