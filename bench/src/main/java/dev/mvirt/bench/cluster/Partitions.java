package dev.mvirt.bench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Network partitions between peers on loopback, by nftables: each peer runs under its own group id, and an
 * output-hook rule in a table of this run's own drops the peer-to-peer packets (by the sending socket's group and
 * the peer port) between the isolated peer and the others. Client traffic (another group, other ports) is untouched,
 * so an isolated peer still answers clients: the Jepsen minority-partition case. Needs root, {@code nft} and {@code
 * setpriv}; {@link #available()} says whether this machine can. Nothing outside this run's table is changed, and
 * {@link #close} deletes it.
 */
public final class Partitions implements AutoCloseable {
    /** One peer as the rules see it: its group id and its peer (Raft) port. */
    public record Member(int gid, int peerPort) {}

    private final String table = "mvbench_" + ProcessHandle.current().pid() + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
    private final Map<String, Member> members;
    private boolean created;

    /** Partitions over {@code members} (peer id → member). */
    public Partitions(Map<String, Member> members) {
        this.members = Map.copyOf(members);
    }

    /** True when this process can run nft and setpriv as root. */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name"))
                && run(List.of("nft", "--version"))
                && run(List.of("setpriv", "--version"));
    }

    /** A group id for the {@code index}-th peer of this run (distinct per run and per peer). */
    public static int gidFor(int index) {
        return 61_000 + (int) (ProcessHandle.current().pid() % 900) * 4 + index;
    }

    /** Cuts {@code id} off the other peers, both directions. */
    public synchronized void isolate(String id) {
        heal();
        Member x = members.get(id);
        if (x == null) {
            throw new ClusterException("no peer " + id + " to isolate");
        }
        String otherGids = others(id, m -> Integer.toString(m.gid()));
        String otherPorts = others(id, m -> Integer.toString(m.peerPort()));
        nft("add rule inet " + table + " out meta skgid " + x.gid() + " tcp dport { " + otherPorts + " } drop");
        nft("add rule inet " + table + " out meta skgid " + x.gid() + " tcp sport " + x.peerPort() + " drop");
        nft("add rule inet " + table + " out meta skgid { " + otherGids + " } tcp dport " + x.peerPort() + " drop");
    }

    /** Removes every rule: all peers see each other again. */
    public synchronized void heal() {
        if (!created) {
            nft("add table inet " + table);
            nft("add chain inet " + table + " out { type filter hook output priority 0; policy accept; }");
            created = true;
            return;
        }
        nft("flush chain inet " + table + " out");
    }

    @Override
    public synchronized void close() {
        if (created) {
            nft("delete table inet " + table);
            created = false;
        }
    }

    private String others(String id, java.util.function.Function<Member, String> f) {
        return members.entrySet().stream()
                .filter(e -> !e.getKey().equals(id))
                .map(e -> f.apply(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static void nft(String command) {
        List<String> argv = new ArrayList<>(List.of("nft"));
        argv.addAll(List.of(command.split(" ")));
        if (!run(argv)) {
            throw new ClusterException("nft " + command + " failed");
        }
    }

    private static boolean run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (!ok && !out.isBlank()) {
                System.err.println("bench: " + String.join(" ", argv) + ": " + out.strip());
            }
            return ok;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
