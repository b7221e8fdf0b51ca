package dev.mvirt.vmm.console;

/**
 * A console client's window size in character cells. A serial port has no out-of-band size channel (unlike a
 * pty's TIOCSWINSZ), so the size is only recorded on the console for the operator's tools; nothing is injected
 * into the guest. A shell in the guest learns it only when told ({@code stty cols C rows R}).
 */
public record WindowSize(int cols, int rows) {
    public WindowSize {
        if (cols < 1 || rows < 1 || cols > 10_000 || rows > 10_000) {
            throw new IllegalArgumentException("window size: cols and rows must be 1..10000, got " + cols + "x" + rows);
        }
    }
}
