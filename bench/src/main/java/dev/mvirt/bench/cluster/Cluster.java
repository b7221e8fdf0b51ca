package dev.mvirt.bench.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A 3-peer replicated store running as local processes, with the faults the harness injects. Peers are named by
 * id; {@link #clientUri} is where clients send HTTP. Methods are called from one harness thread.
 */
public interface Cluster extends AutoCloseable {

    /** "mvirt" or "etcd". */
    String name();

    /** The peer ids, in a stable order. */
    List<String> ids();

    /** The base URI clients use for {@code id}. */
    URI clientUri(String id);

    /** Starts every peer and waits until they agree on a leader, or throws after {@code timeout}. */
    void start(Duration timeout);

    /** The leader as some live peer reports it, if any. */
    Optional<String> leader();

    /** The Raft term {@code id} reports, if it answers: a term that grows without a fault is a spurious election. */
    java.util.OptionalLong term(String id);

    /** Waits until {@code id} answers its health check as a member that knows a leader. */
    void awaitReady(String id, Duration timeout);

    /** True while the process of {@code id} exists (paused or not). */
    boolean running(String id);

    /** SIGKILL. */
    void kill(String id);

    /** Starts a killed peer again on its data. */
    void restart(String id);

    /** SIGSTOP. */
    void pause(String id);

    /** SIGCONT. */
    void resume(String id);

    /** True when {@link #isolate} works on this machine. */
    boolean partitionsSupported();

    /** Cuts {@code id} off the other peers (clients still reach it). */
    void isolate(String id);

    /** Undoes every partition. */
    void heal();

    /** CPU seconds used by all server processes so far. */
    double cpuSeconds();

    /** Stops every process and deletes rules; data directories are left to the caller. */
    @Override
    void close();
}
