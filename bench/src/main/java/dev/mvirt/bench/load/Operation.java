package dev.mvirt.bench.load;

/** One request of a workload; {@code client} is the caller's index, {@code seq} a per-run sequence number. */
@FunctionalInterface
public interface Operation {

    /** Performs the request; true when it succeeded. */
    boolean run(int client, long seq);
}
