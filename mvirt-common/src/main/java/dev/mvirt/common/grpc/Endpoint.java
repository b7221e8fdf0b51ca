package dev.mvirt.common.grpc;

import java.nio.file.Path;

/**
 * Where a daemon listens or a client connects: {@code unix:PATH} or {@code HOST:PORT}.
 *
 * <p>Parsed from flags such as {@code --vmm unix:/run/mvirt/vmm.sock}; {@link #parse} rejects anything else with
 * an {@link IllegalArgumentException} that names the text.
 */
public sealed interface Endpoint {

    /** A unix domain socket at {@code path}. */
    record Unix(Path path) implements Endpoint {
        @Override
        public String toString() {
            return "unix:" + path;
        }
    }

    /** A TCP address. */
    record Tcp(String host, int port) implements Endpoint {
        public Tcp {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Parses {@code unix:PATH} (absolute path) or {@code HOST:PORT}. */
    static Endpoint parse(String text) {
        if (text.startsWith("unix:")) {
            Path p = Path.of(text.substring(5));
            if (!p.isAbsolute()) {
                throw new IllegalArgumentException("unix socket path must be absolute: " + text);
            }
            return new Unix(p.normalize());
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected unix:PATH or HOST:PORT, got: " + text);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new Tcp(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number: " + text, e);
        }
    }
}
