package dev.mvirt.bench.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on loopback for the peers to bind, below the kernel's ephemeral range. A port the kernel picked
 * (port 0) and that was released for a peer to bind can be taken meanwhile as the local port of any outgoing
 * connection, and the bench opens many (a peer then failed with "Address already in use" and the run had no
 * leader); ports below that range are never handed out that way.
 */
public final class Ports {
    /** The lowest port tried. */
    static final int LOW = 10_000;

    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {}

    /** A port that was free a moment ago, below the ephemeral range, not given out before by this JVM. */
    public static int free() {
        int high = ephemeralLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, high);
            if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on loopback in [" + LOW + ", " + high + ")");
    }

    /** The first port of the kernel's ephemeral range from {@code rangeFile} ("32768\t60999"), 32768 if unreadable. */
    static int ephemeralLow(Path rangeFile) {
        try {
            int low = Integer.parseInt(Files.readString(rangeFile).strip().split("\\s+")[0]);
            return low > LOW + 1000 ? low : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
