package dev.mvirt.cli.command;

import dev.mvirt.cli.client.ApiError;
import dev.mvirt.cli.client.ConsoleSocket;
import dev.mvirt.cli.client.Names;
import dev.mvirt.cli.client.Noun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mvirt vm console NAME}: the VM's serial console through the API. The escape key (Ctrl+] by default)
 * detaches; the hint is printed once connected. Recent output is replayed first unless {@code --no-replay}; the
 * terminal's size is sent at attach and on every resize (SIGWINCH).
 */
@Command(
        description = {
            "Attach to a VM's serial console through the API (escape: Ctrl+]).",
            "Recent output is replayed first (--no-replay skips it). A second attach SHARES the console: every"
                    + " client sees the output and may type. --force ends every other session of the VM first"
                    + " (they see 'taken over by another console attach').",
            "The window size is passed on and recorded by the host, but a serial port has no size channel: run"
                    + " 'stty cols C rows R' in the guest to use it."
        },
        mixinStandardHelpOptions = true)
public final class ConsoleCmd extends Leaf {
    @Parameters(paramLabel = "NAME")
    String name = "";

    @Option(names = "--escape", paramLabel = "KEY", description = "detach key: ^] (default), ^A ... ^_, or none")
    String escape = "^]";

    @Option(names = "--no-replay", description = "do not replay the recent console output first")
    boolean noReplay;

    @Option(names = "--force", description = "take the console over: end every other session of this VM first")
    boolean force;

    @Option(
            names = "--show-log",
            hidden = true,
            description = "replay the recent output (the default; kept for scripts)")
    boolean showLog;

    public ConsoleCmd(Cli cli) {
        super(cli);
    }

    @Override
    void run() {
        Names.check("vm", name);
        int key = escapeByte(escape);
        String project = cli.project();
        cli.client().get(Noun.VM.item(project, name));
        String path = Noun.VM.item(project, name) + "/console";
        OutputStream out = cli.io().rawOut();
        ConsoleSocket socket;
        try {
            socket = ConsoleSocket.open(cli.client(), path, query(), bytes -> write(out, bytes));
        } catch (ApiError e) {
            if (e.status() == 404 && e.code().equals("http_404")) {
                throw new CliException(
                        Exit.NOT_SUPPORTED,
                        "this server has no console endpoint (" + path + " answered 404); it is older than this mvirt");
            }
            throw e;
        }
        try (socket) {
            cli.io()
                    .err()
                    .println("Connected to the console of vm '" + name + "'. "
                            + (key < 0
                                    ? "No escape key: end the session from the guest."
                                    : "Detach with " + label(key) + "."));
            String why = cli.io().terminal()
                    ? pumpTerminal(socket, key)
                    : pump(cli.io().in(), socket, key);
            cli.io().err().println("\r\nDisconnected from vm '" + name + "' (" + why + ").");
        }
    }

    private Map<String, String> query() {
        Map<String, String> q = new java.util.TreeMap<>();
        if (noReplay) {
            q.put("replay", "0");
        }
        if (force) {
            q.put("force", "true");
        }
        return q;
    }

    private String pumpTerminal(ConsoleSocket socket, int key) {
        try (Terminal t = TerminalBuilder.builder().system(true).build()) {
            Attributes saved = t.enterRawMode();
            socket.resize(t.getWidth(), t.getHeight());
            t.handle(Terminal.Signal.WINCH, s -> socket.resize(t.getWidth(), t.getHeight()));
            try {
                while (!socket.closed().isDone()) {
                    int c = t.reader().read(100);
                    if (key >= 0 && c == key) {
                        return "escape key";
                    }
                    if (c >= 0) {
                        socket.send(new byte[] {(byte) c});
                    } else if (c == -1) {
                        return "end of input";
                    }
                }
                return reason(socket.closed());
            } finally {
                t.setAttributes(saved);
            }
        } catch (IOException e) {
            throw new CliException(Exit.ERROR, "the terminal failed: " + e.getMessage(), e);
        }
    }

    /** Copies {@code in} to the socket until the escape key, end of input or the end of the session. */
    static String pump(InputStream in, ConsoleSocket socket, int key) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().daemon().name("console-input").start(() -> {
            try {
                for (int c = in.read(); c >= 0 && !done.isDone(); c = in.read()) {
                    if (key >= 0 && c == key) {
                        done.complete("escape key");
                        return;
                    }
                    socket.send(new byte[] {(byte) c});
                }
                done.complete("end of input");
            } catch (IOException | RuntimeException e) {
                done.complete("input failed: " + e.getMessage());
            }
        });
        socket.closed().thenAccept(done::complete);
        String why = reason(done);
        reader.interrupt();
        return why;
    }

    private static String reason(CompletableFuture<String> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            return "failed";
        }
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // stdout is gone; the session ends with the input side
        }
    }

    /** The byte of an escape key: {@code ^]}, {@code ctrl-]}, {@code ^A}..; -1 for {@code none}. */
    static int escapeByte(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return -1;
        }
        String k = t.startsWith("^")
                ? t.substring(1)
                : t.startsWith("ctrl-") ? t.substring(5) : t.startsWith("ctrl+") ? t.substring(5) : "";
        if (k.length() != 1 || k.charAt(0) < '@' && k.charAt(0) != '?' || k.charAt(0) > 'z') {
            throw new CliException(Exit.USAGE, "--escape '" + Names.printable(text) + "': use ^] , ^A ... ^_ or none");
        }
        return Character.toUpperCase(k.charAt(0)) & 0x1f;
    }

    private static String label(int key) {
        return "Ctrl+" + (char) (key + '@');
    }
}
