package dev.mvirt.cli.command;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where a command reads and writes: stdout, stderr, stdin, and whether a person is at a terminal (confirmation,
 * progress lines). Tests pass their own.
 */
public record Io(PrintWriter out, PrintWriter err, InputStream in, OutputStream rawOut, boolean terminal) {
    /** The process's own streams; a terminal when the JVM has an interactive console. */
    public static Io system() {
        var console = System.console();
        boolean terminal = console != null && console.isTerminal();
        PrintStream stdout = System.out;
        return new Io(
                new PrintWriter(stdout, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.in,
                stdout,
                terminal);
    }

    /** A reader over stdin (for confirmations). */
    public BufferedReader reader() {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
