package dev.mvirt.node.cache;

/** Hears every change the cache accepts, in order, on the thread that applied it (tests record them). */
public interface AppliedLog {

    /** The cache took {@code key} at resource revision {@code revision}. */
    void applied(Key key, long revision);

    /** The cache dropped {@code key}. */
    void removed(Key key);

    /** Ignores everything. */
    static AppliedLog none() {
        return new AppliedLog() {
            @Override
            public void applied(Key key, long revision) {}

            @Override
            public void removed(Key key) {}
        };
    }
}
