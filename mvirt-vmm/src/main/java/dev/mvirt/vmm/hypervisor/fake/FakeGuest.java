package dev.mvirt.vmm.hypervisor.fake;

import dev.mvirt.vmm.hypervisor.ProcessExit;
import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.ProcessRef;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** One fake VM: a console server on a unix socket with a tiny line shell, and a simulated exit. */
final class FakeGuest implements VmProcess {
    static final String MARKER = "MVIRT-GUEST-READY";
    private final ProcessRef ref;
    private final ServerSocketChannel server;
    private final CompletableFuture<ProcessExit> exit = new CompletableFuture<>();
    private final AtomicBoolean booted = new AtomicBoolean();

    private FakeGuest(ProcessRef ref, ServerSocketChannel server) {
        this.ref = ref;
        this.server = server;
    }

    static FakeGuest boot(ProcessRef ref) {
        Path socket = ref.runDir().resolve("console.sock");
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            FakeGuest g = new FakeGuest(ref, server);
            Thread.ofVirtual().name("fake-guest-" + ref.pid()).start(g::serve);
            return g;
        } catch (IOException e) {
            throw new HypervisorException("fake: cannot open console socket " + socket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ProcessRef ref() {
        return ref;
    }

    @Override
    public Path consoleSocket() {
        return ref.runDir().resolve("console.sock");
    }

    @Override
    public void powerButton() {
        requireRunning();
        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> end(0, true));
    }

    @Override
    public void reboot() {
        requireRunning();
        booted.set(false);
    }

    @Override
    public void quit() {
        requireRunning();
        end(0, false);
    }

    @Override
    public void kill() {
        end(128 + 9, false);
    }

    @Override
    public CompletableFuture<ProcessExit> exit() {
        return exit;
    }

    @Override
    public void detach() {
        // in-process: nothing to release
    }

    private void requireRunning() {
        if (exit.isDone()) {
            throw new HypervisorException("fake: vm process " + ref.pid() + " is not running");
        }
    }

    private void end(int status, boolean guestPowerOff) {
        try {
            server.close();
            Files.deleteIfExists(consoleSocket());
        } catch (IOException e) {
            // the fake's socket file is best-effort cleanup
        }
        exit.complete(new ProcessExit(status, guestPowerOff, status == 0 ? "" : "fake: terminated"));
    }

    private void serve() {
        while (!exit.isDone()) {
            try (SocketChannel client = server.accept()) {
                if (!booted.getAndSet(true)) {
                    write(client, "fake firmware\r\nfake kernel booting\r\n" + MARKER + "\r\n");
                }
                write(client, "/ # ");
                new FakeShell(client, this::end).run();
            } catch (IOException e) {
                // client went away or the guest ended: accept the next client while running
            }
        }
    }

    static void write(SocketChannel ch, String text) throws IOException {
        ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
}
