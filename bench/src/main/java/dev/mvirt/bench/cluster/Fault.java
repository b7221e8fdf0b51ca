package dev.mvirt.bench.cluster;

/** The faults the harness injects into one peer, each with how it is undone. */
public enum Fault {
    /** SIGKILL; undone by restarting the peer on its data. */
    KILL,
    /** SIGSTOP; undone by SIGCONT. */
    PAUSE,
    /** Cut off the other peers (clients still reach it); undone by healing. */
    PARTITION;

    /** Injects this fault into {@code id}. */
    public void inject(Cluster c, String id) {
        switch (this) {
            case KILL -> c.kill(id);
            case PAUSE -> c.pause(id);
            case PARTITION -> c.isolate(id);
        }
    }

    /** Undoes this fault on {@code id}. */
    public void recover(Cluster c, String id) {
        switch (this) {
            case KILL -> c.restart(id);
            case PAUSE -> c.resume(id);
            case PARTITION -> c.heal();
        }
    }
}
