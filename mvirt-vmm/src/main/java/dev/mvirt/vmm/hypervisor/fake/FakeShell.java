package dev.mvirt.vmm.hypervisor.fake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake guest's console shell: echoes what is typed (like a tty), answers {@code echo TEXT} with TEXT after
 * expanding {@code $((A*B))}, and powers off on {@code poweroff}.
 */
final class FakeShell {
    private static final Pattern PRODUCT = Pattern.compile("\\$\\(\\((\\d+)\\*(\\d+)\\)\\)");

    /** Ends the guest with an exit status; the boolean says whether the guest powered itself off. */
    interface Ender {
        void end(int status, boolean guestPowerOff);
    }

    private final SocketChannel client;
    private final Ender ender;
    private final StringBuilder line = new StringBuilder();

    FakeShell(SocketChannel client, Ender ender) {
        this.client = client;
        this.ender = ender;
    }

    void run() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1024);
        while (client.read(buf) > 0) {
            buf.flip();
            String text = StandardCharsets.UTF_8.decode(buf).toString();
            buf.clear();
            for (char c : text.toCharArray()) {
                type(c);
            }
        }
    }

    private void type(char c) throws IOException {
        if (c != '\n' && c != '\r') {
            line.append(c);
            FakeGuest.write(client, String.valueOf(c));
            return;
        }
        String cmd = line.toString().strip();
        line.setLength(0);
        FakeGuest.write(client, "\r\n");
        if (cmd.startsWith("echo ")) {
            FakeGuest.write(client, expand(cmd.substring(5)) + "\r\n");
        } else if (cmd.equals("poweroff")) {
            ender.end(0, true);
            return;
        } else if (!cmd.isEmpty()) {
            FakeGuest.write(client, "sh: " + cmd.split(" ")[0] + ": not found\r\n");
        }
        FakeGuest.write(client, "/ # ");
    }

    private static String expand(String text) {
        Matcher m = PRODUCT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long product = Long.parseLong(m.group(1)) * Long.parseLong(m.group(2));
            m.appendReplacement(out, Long.toString(product));
        }
        m.appendTail(out);
        return out.toString();
    }
}
