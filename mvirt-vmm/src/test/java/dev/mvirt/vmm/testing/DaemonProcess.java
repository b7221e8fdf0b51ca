package dev.mvirt.vmm.testing;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.proto.vmm.v1.ListVmsRequest;
import dev.mvirt.proto.vmm.v1.VmServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** mvirt-vmm as its own JVM (so a test can kill -9 it), on target/classes plus the test classpath. */
public final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final ManagedChannel channel;

    private DaemonProcess(Process process, ManagedChannel channel) {
        this.process = process;
        this.channel = channel;
    }

    /** Starts {@code dev.mvirt.vmm.Main} with {@code args}; returns once the socket answers (60 s at most). */
    public static DaemonProcess start(Path socket, Path log, List<String> args) throws Exception {
        Path module = DemoGuest.repoRoot().resolve("mvirt-vmm");
        String cp = module.resolve("target/classes") + ":"
                + Files.readString(module.resolve("target/test-classpath.txt")).strip();
        List<String> argv = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-cp",
                cp,
                "dev.mvirt.vmm.Main",
                "--socket",
                socket.toString()));
        argv.addAll(args);
        Process p = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ManagedChannel ch = GrpcChannels.open(new Endpoint.Unix(socket));
        DaemonProcess d = new DaemonProcess(p, ch);
        d.awaitReady(Duration.ofSeconds(60), log);
        return d;
    }

    public VmServiceGrpc.VmServiceBlockingStub stub() {
        return VmServiceGrpc.newBlockingStub(channel);
    }

    public VmServiceGrpc.VmServiceStub async() {
        return VmServiceGrpc.newStub(channel);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash would. */
    public void kill9() throws InterruptedException {
        channel.shutdownNow();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitReady(Duration timeout, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                stub().withDeadlineAfter(2, TimeUnit.SECONDS).listVms(ListVmsRequest.getDefaultInstance());
                return;
            } catch (StatusRuntimeException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IOException("mvirt-vmm did not come up: " + readLog(log), e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String readLog(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }
}
